import FleetModel
import Impact
import Foundation
import MQTT
import Pipeline
import Store
import Synchronization

/// Publishes what the pipeline produced: work orders (QoS 1, each status change of an order at
/// least once under a stable id and status, also across a crash and replay), dead letters, and the retained impact summary.
/// Publishing never ends the daemon: a broker that is away only delays outputs.
///
/// A work order goes into the state's outbox first and counts as published only when the broker
/// has acknowledged it; then it leaves the outbox and its mark is written. So a crash before the
/// acknowledgement republishes it after the restart, and a crash after it does not. (Only a
/// crash between the acknowledgement and that SQLite write can publish an order twice: marks are
/// written `recordEvery` at a time, the rest by `recordDeliveries` within a chore's interval, on
/// a writer of their own.) While the connection is down, libmosquitto keeps what was handed to
/// it and sends it when the connection is back; `resendOutbox` covers the rest.
///
/// At most `handOverLimit` publications (1,000 unless a test says otherwise) wait in libmosquitto
/// for the broker at a time. Beyond that, orders wait in the outbox, on disk, in their order, and
/// `handOverWaiting` hands them over as the broker catches up: a burst of orders no longer sits
/// in memory (300,000 orders, about 250 MB, at the end of a 400,000-device flood). A publication
/// waiting in libmosquitto holds about a kilobyte (its payload, topic and mark): 10,000 of them
/// were 11 MB of a 100,000-device daemon's peak, while the broker takes at most a few hundred
/// at a time (its `max_inflight_messages`), so a thousand keep it as busy. (A thousand were
/// tried before and left: the device details then filled the room the orders left, up to
/// 10,000 of them; `detailBacklog` bounds them now.)
///
/// Dead letters are published at QoS 1 but not kept: while the broker is away at most
/// `deadLetterBacklog` wait in libmosquitto; beyond that they are counted and dropped. A summary
/// is skipped while disconnected: the next one replaces it. At most `detailBacklog` device
/// details wait in libmosquitto; the rest wait their turn in the daemon, as a bit each.
final class OutputPublisher: Sendable {
    private let client: MQTTClient
    private let store: FleetStore
    private let instance: String
    private let metrics: DaemonMetrics
    /// Marks handed to libmosquitto and not yet accepted (sent, or kept for the reconnect).
    private let handedOver = Mutex<Set<String>>([])
    /// Marks accepted, and out of the outbox, since the pipeline thread last flushed or looked at
    /// the outbox: they leave `handedOver` at its next flush or look (`forgetAccepted`), so a look
    /// taken just before an acceptance cannot send them again. Forgotten only at the 5 s look,
    /// they kept some 50,000 marks and two sets of them, 9 MB at the height of an order-heavy run.
    private let acceptedSinceLook = Mutex<[String]>([])
    /// Orders of the messages since the last `flush`: the outbox's entries, and every order's
    /// record (those published already too) for the store's table of orders.
    private let pending = Mutex<(entries: [OutboxEntry], records: [StoredRecord])>(([], []))
    /// Marks the broker accepted whose write waits for others: a transaction for each held the
    /// network thread, which also takes the telemetry, about 200 µs per order (5,000 a second).
    private let unrecorded = Mutex<[String]>([])
    /// Accepted marks written together as soon as there are this many.
    static let recordEvery = 256
    /// Accepted marks not written yet (in `unrecorded` or with the writer).
    private let unwritten = Atomic<Int>(0)
    /// Writes the accepted marks, in the order they were taken: off the network thread, which
    /// spent nine-tenths of a full outbox's drain in these writes' file I/O, not reading PUBACKs.
    private let recorder = DispatchQueue(label: "fleetprint-outbox-recorder")
    private let failureLog = Mutex(LogRateLimiter(perSecond: 1))
    static let deadLetterBacklog = 10_000
    /// Device details under way at most: about 1.5 KB each in libmosquitto, where the 10,000 of
    /// `deadLetterBacklog` let a 100,000-device fleet's changes hold 16.6 MB (heaptrack).
    static let detailBacklog = 1_000
    /// Device details under way at most (`detailBacklog` unless a test says otherwise).
    let detailLimit: Int
    private let detailsUnderway = Atomic<Int>(0)
    /// Unacknowledged publications beyond which work orders wait in the outbox.
    let handOverLimit: Int
    /// Orders wait in the outbox that are not handed over: later ones wait too, to keep the order.
    private let holding = Atomic<Bool>(false)
    /// While holding: the outbox place up to which every entry has been handed over, where the
    /// next look for room starts (so it does not read the ten thousand under way again).
    private let handedThrough = Mutex<Int64>(0)
    /// Held orders beyond this are flushed at once (a long journal replay holds no more).
    static let flushEvery = 1_024

    init(client: MQTTClient, store: FleetStore, instance: String, metrics: DaemonMetrics, handOverLimit: Int = 1_000,
         detailLimit: Int = detailBacklog) throws {
        self.client = client
        self.handOverLimit = handOverLimit
        self.detailLimit = detailLimit
        self.store = store
        self.instance = instance
        self.metrics = metrics
    }

    /// Publishes one message's output. Every status change of an order goes through the outbox
    /// under its own mark, in the order it happened (issued, escalated, closed or cancelled), on
    /// the order's topic: it is held until `flush`, which puts a batch of messages' orders in the
    /// outbox and their records in the store in one transaction, and then sends them.
    /// A message replayed from the journal (`recovering`) may give orders the broker took before
    /// the restart: those are looked up among the published marks and not sent again. Any other
    /// message's orders are new (an order's number, escalation and end come once), so the marks of
    /// every order ever published are not held in memory (a million devices' took hundreds of
    /// megabytes at each restart, and more every day).
    func publish(_ output: PipelineOutput, recovering: Bool) throws {
        for order in output.workOrders + output.escalatedOrders + output.closedOrders {
            let mark = order.id + Self.markSuffix(order.status)
            // One encoding for the order's record and its publication: the contract's JSON.
            let body = try ContractJSON.encoded(order)
            let entry = try recovering && store.isPublished(mark)
                ? nil : OutboxEntry(mark: mark, topic: OutputTopics.workOrder(kind: order.kind, device: order.device), payload: [UInt8](body))
            let held = pending.withLock { pending in
                pending.records.append(StoredRecord(key: order.id, body: body))
                entry.map { pending.entries.append($0) }
                return pending.records.count
            }
            if held >= Self.flushEvery { try flush() }
        }
        for letter in output.deadLetters {
            guard client.unacknowledgedCount < Self.deadLetterBacklog else {
                metrics.deadLettersUnpublished.increment()
                continue
            }
            attempt("dead letter") {
                try client.publish(topic: OutputTopics.deadLetter(reason: letter.reason.rawValue), payload: [UInt8](try ContractJSON.encoded(letter)), qos: .atLeastOnce,
                                   onAcknowledged: refusalReporter("dead letter"))
            }
        }
    }

    /// Puts the orders held since the last flush in the outbox and their records in the store (one
    /// transaction: a transaction per order was most of an order-heavy fleet's system time), then
    /// sends them while there is room.
    func flush() throws {
        forgetAccepted()
        let (entries, records) = pending.withLock { pending in
            defer { pending = ([], []) }
            return pending
        }
        try store.enqueue(entries, orders: records)
        for entry in entries {
            guard !holding.load(ordering: .relaxed), underway < handOverLimit else {
                holding.store(true, ordering: .relaxed)
                return
            }
            send(entry)
        }
    }

    /// Whether orders wait in the outbox that are not handed over yet.
    var isHolding: Bool { holding.load(ordering: .relaxed) }

    /// Whether orders wait in the outbox for room that the broker's acknowledgements have made.
    var shouldResend: Bool { isHolding && underway < handOverLimit / 2 }

    /// Work orders handed over whose acceptance is not written yet: waiting in libmosquitto, or
    /// accepted and waiting for the writer. Counting the latter keeps the writer's backlog within
    /// the limit too (when the disk is slower than the broker).
    private var underway: Int { client.unacknowledgedCount + unwritten.load(ordering: .relaxed) }

    /// Hands libmosquitto the oldest outbox entries it does not hold yet, as many as there is room
    /// for: after a restart, the first of them; later, those whose publish failed outright.
    func resendOutbox() throws {
        // The oldest entries include those handed over already, which `send` skips.
        try handOver(after: 0, readingAlso: handedOverCount)
        metrics.outbox.set(try store.outboxCount())
    }

    /// Hands over the entries that waited for room, after those handed over before.
    func handOverWaiting() throws {
        try handOver(after: handedThrough.withLock { $0 }, readingAlso: 0)
    }

    /// Reads as many outbox entries after `place` as there is room for, and `extra` more, and hands
    /// over those there is room for; holds later orders back while some wait.
    private func handOver(after place: Int64, readingAlso extra: Int) throws {
        forgetAccepted()
        var room = handOverLimit - underway
        let limit = max(0, room) + extra
        var (leftBehind, through, read) = (false, place, 0)
        try store.visitOutbox(after: place, limit: limit) { entryPlace, entry in
            read += 1
            if room > 0 {
                if send(entry) { room -= 1 }
                // A publish that failed outright is passed too: the look every 5 s sends it again.
                through = entryPlace
            } else if !leftBehind {
                leftBehind = !isHandedOver(entry)
            }
        }
        let stillHolding = leftBehind || read >= limit
        holding.store(stillHolding, ordering: .relaxed)
        // An emptied outbox may give its next entries low places again.
        handedThrough.withLock { $0 = stillHolding ? max($0, through) : 0 }
    }

    /// Suffix of a status change's publication mark, so each change of an order is published once
    /// (an issue has none and an escalation `#alarm`, as marks written before the lifecycle).
    static func markSuffix(_ status: WorkOrderStatus) -> String {
        switch status {
        case .issued: ""
        case .escalated: "#alarm"
        case .closed, .cancelled: "#" + status.rawValue
        }
    }

    /// Work-order publications handed to libmosquitto and not yet accepted or forgotten.
    var handedOverCount: Int { handedOver.withLock { $0.count } }

    func publishSummary(_ summary: DaemonSummary) {
        guard client.connectionState == .connected else { return }
        attempt("impact summary") {
            try client.publish(topic: OutputTopics.impact(instance: instance), payload: [UInt8](try summary.encoded()), qos: .atLeastOnce, retain: true,
                               onAcknowledged: refusalReporter("impact summary"))
        }
    }

    /// Publishes a device's detail, retained; false (keep it for later) while disconnected, while
    /// `detailLimit` details are under way, or while libmosquitto already holds
    /// `deadLetterBacklog` unacknowledged messages.
    func publishDetail(_ detail: DeviceDetail) -> Bool {
        guard client.connectionState == .connected, detailsUnderway.load(ordering: .relaxed) < detailLimit,
              client.unacknowledgedCount < Self.deadLetterBacklog else { return false }
        detailsUnderway.add(1, ordering: .relaxed)
        let reportRefusal = refusalReporter("device detail")
        let published = attempt("device detail \(detail.kind)/\(detail.device)") {
            try client.publish(topic: OutputTopics.deviceDetail(instance: instance, kind: detail.kind, device: detail.device),
                               payload: [UInt8](try ContractJSON.encoded(detail)), qos: .atLeastOnce, retain: true) { [self] answer in
                detailsUnderway.subtract(1, ordering: .relaxed)
                reportRefusal(answer)
            }
        }
        if !published { detailsUnderway.subtract(1, ordering: .relaxed) }
        return published
    }

    /// Device details handed to libmosquitto and not yet answered.
    var detailsUnderwayCount: Int { detailsUnderway.load(ordering: .relaxed) }

    /// On the pipeline thread, outside a look at the outbox: no look under way can have read the
    /// orders accepted so far, and none to come will find them.
    private func forgetAccepted() {
        let accepted = acceptedSinceLook.takeAll()
        guard !accepted.isEmpty else { return }
        handedOver.withLock { handed in
            for mark in accepted { handed.remove(mark) }
        }
    }

    private func isHandedOver(_ entry: OutboxEntry) -> Bool { handedOver.withLock { $0.contains(entry.mark) } }

    /// Hands the entry to libmosquitto unless it holds it already; whether it did now.
    @discardableResult
    private func send(_ entry: OutboxEntry) -> Bool {
        guard handedOver.withLock({ $0.insert(entry.mark).inserted }) else { return false }
        let handed = attempt("work order \(entry.mark)") {
            // The answer needs the mark and topic only: holding the entry kept its payload too, in
            // each of the ten thousand orders under way.
            try client.publish(topic: entry.topic, payload: entry.payload, qos: .atLeastOnce) { [self, mark = entry.mark, topic = entry.topic] answer in
                acknowledged(mark: mark, topic: topic, answer)
            }
        }
        if !handed {
            _ = handedOver.withLock { $0.remove(entry.mark) }
        }
        return handed
    }

    /// On the network thread: an accepted order leaves the outbox; a refused one stays there, to
    /// be sent again at the next look, and is counted and logged (a broker's ACL, say).
    private func acknowledged(mark: String, topic: String, _ answer: PublishAcknowledgement) {
        switch answer {
        case .accepted:
            unwritten.add(1, ordering: .relaxed)
            let batch = unrecorded.withLock { marks -> [String]? in
                marks.append(mark)
                guard marks.count >= Self.recordEvery else { return nil }
                defer { marks = [] }
                return marks
            }
            if let batch { recorder.async { [self] in record(batch) } }
        case .refused(let reason):
            _ = handedOver.withLock { $0.remove(mark) }
            refused("work order \(mark) on \(topic)", reason)
        }
    }

    /// Has the accepted marks that wait written (the pipeline thread's chores).
    func recordDeliveries() {
        let marks = unrecorded.takeAll()
        if !marks.isEmpty { recorder.async { [self] in record(marks) } }
    }

    /// Has the accepted marks that wait written and waits for every write (the end of a run).
    func finishRecording() {
        recordDeliveries()
        recorder.sync {}
    }

    /// The orders leave the outbox, and then `handedOver` at the pipeline thread's next flush or look.
    private func record(_ marks: [String]) {
        defer { unwritten.subtract(marks.count, ordering: .relaxed) }
        do {
            try store.markDelivered(marks)
            acceptedSinceLook.withLock { $0.append(contentsOf: marks) }
        } catch {
            ConnectionReporter.note("run: could not record that \(marks.count) work orders were published (they may go out again after a restart): \(error)")
        }
    }

    private func refusalReporter(_ what: String) -> @Sendable (PublishAcknowledgement) -> Void {
        { [self] answer in
            if case .refused(let reason) = answer { refused(what, reason) }
        }
    }

    private func refused(_ what: String, _ reason: String) {
        metrics.publishRefusals.increment()
        let (allowed, suppressed) = failureLog.withLock { $0.admit() }
        if allowed {
            ConnectionReporter.note("run: the broker refused the \(what): \(reason); check its ACL for this client"
                                    + (suppressed > 0 ? " (\(suppressed) more not shown)" : ""))
        }
    }

    /// Runs a publish; a failure is counted and logged at most once a second, never thrown.
    @discardableResult
    private func attempt(_ what: String, _ publish: () throws -> Void) -> Bool {
        do {
            try publish()
            return true
        } catch {
            metrics.publishFailures.increment()
            let (allowed, suppressed) = failureLog.withLock { $0.admit() }
            if allowed {
                ConnectionReporter.note("run: could not publish the \(what), kept for later where it must not be lost: \(error)"
                                        + (suppressed > 0 ? " (\(suppressed) more failures not shown)" : ""))
            }
            return false
        }
    }
}
