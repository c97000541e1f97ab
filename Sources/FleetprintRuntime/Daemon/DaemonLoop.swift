import CMalloc
import FleetModel
import Foundation
import Impact
import Logging
import Maintenance
import MQTT
import Pipeline
import Store

/// The pipeline thread of `fleetprint run`, the only owner of the fleet's state: it first replays
/// what the journal holds after the last checkpoint, then processes the intake in order,
/// publishes what each message produced, and between batches does the chores (metrics,
/// checkpoints, summaries), which never run on the network thread.
struct DaemonLoop: Sendable {
    let job: DaemonJob
    let store: FleetStore
    let journal: MessageJournal
    let publisher: OutputPublisher
    var pipeline: FleetPipeline
    /// The last journal entry processed: what the next checkpoint covers.
    private(set) var sequence: Int64
    private var clock: DaemonClock
    private var deadLetterLog = LogRateLimiter(perSecond: 5)
    private var watchdog: WatchdogPinger
    private let model: LedgerModel
    /// Devices changed since their detail topic was last published (from each checkpoint's changes).
    private var staleDetails = DevicePlaces()
    private var metricsFeed: PipelineMetricsFeed

    init(job: DaemonJob, store: FleetStore, journal: MessageJournal, publisher: OutputPublisher, pipeline: FleetPipeline, sequence: Int64) {
        self.job = job
        self.store = store
        self.journal = journal
        self.publisher = publisher
        self.pipeline = pipeline
        self.sequence = sequence
        clock = DaemonClock(summaryEvery: job.configuration.summaryInterval.baseValue, checkpointEvery: job.configuration.checkpointInterval.baseValue)
        model = LedgerModel(library: job.library)
        watchdog = WatchdogPinger(notifier: job.notifier)
        metricsFeed = PipelineMetricsFeed(metrics: job.metrics, kinds: job.library.profiles.map(\.kind), from: pipeline.state.counters)
    }

    /// Replays the journal's entries after the checkpoint and before `firstLive` (the first
    /// sequence of this run); returns how many.
    mutating func recover(before firstLive: Int64) throws -> Int {
        var count = 0
        try journal.replay(after: sequence) { entry in
            guard entry.sequence < firstLive else { return }
            let output = pipeline.ingest(topic: entry.topic, payload: entry.payload, receivedAt: Date(timeIntervalSince1970: entry.receivedAt))
            try publish(output, recovering: true)
            sequence = entry.sequence
            count += 1
            watchdog.alive()
        }
        try publisher.flush()
        clock.count(count)
        return count
    }

    /// Processes the intake until the queue is closed and drained, then checkpoints and publishes
    /// a last summary.
    mutating func run(_ queue: IntakeQueue<IntakeItem>) throws {
        // While orders wait for room in libmosquitto, an idle loop looks for it often: the broker's
        // acknowledgements free a thousand places in a fraction of the 200 ms it waits otherwise.
        while let batch = queue.take(waitingAtMost: publisher.isHolding ? .milliseconds(5) : .milliseconds(200)) {
            for item in batch {
                let message = item.parsed(by: pipeline.parser)
                try publish(pipeline.ingest(message, receivedAt: Date(timeIntervalSince1970: item.receivedAt)))
                sequence = item.sequence
                metricsFeed.processed(message)
            }
            try publisher.flush()
            metricsFeed.published(arrivals: batch.lazy.map(\.receivedAt))
            clock.count(batch.count)
            metricsFeed.report(pipeline.state, backlog: journal.nextSequence - 1 - sequence, intakeFullWaits: queue.fullWaits, socketReads: .sinceStart)
            try choresIfDue()
            watchdog.alive()
        }
        pipeline.addCompute(cpuSeconds: clock.cpuSecondsSinceLastCall())
        try checkpoint()
        report(summary(rate: clock.messagesPerSecond()))
        publishDetails()
    }

    /// `recovering`: the output of a message replayed from the journal, whose orders may have
    /// been published before the restart.
    private mutating func publish(_ output: PipelineOutput, recovering: Bool = false) throws {
        try publisher.publish(output, recovering: recovering)
        metricsFeed.issued(output.workOrders)
        log(output)
    }

    private mutating func choresIfDue() throws {
        if clock.deliveriesDue() { publisher.recordDeliveries() }
        if clock.outboxLookDue() {
            try publisher.resendOutbox()
        } else if publisher.shouldResend {
            try publisher.handOverWaiting()
        }
        if clock.checkpointDue() {
            try checkpoint()
        }
        if clock.summaryDue() {
            let started = ContinuousClock.now
            pipeline.addCompute(cpuSeconds: clock.cpuSecondsSinceLastCall())
            let summary = summary(rate: clock.messagesPerSecond())
            // Pricing, activity and the most urgent orders: what must not grow with the fleet.
            job.logger.debug("summary", metadata: ["devices": "\(pipeline.state.devices.count)", "order_looks": "\(pipeline.openOrderLooks)",
                                                   "milliseconds": "\((ContinuousClock.now - started) / .milliseconds(1))"])
            report(summary)
            publishDetails()
            let took = (ContinuousClock.now - started).components
            clock.summaryTook(Double(took.seconds) + Double(took.attoseconds) / 1e18)
        }
    }

    /// Saves what changed with the journal position it covers, then drops the journal's
    /// segments that the checkpoint makes unnecessary.
    mutating func checkpoint() throws {
        let started = ContinuousClock.now
        let changed = pipeline.takeChanges()
        if job.configuration.deviceDetailsPerSecond > 0 { staleDetails.formUnion(changed) }
        try PipelineStateCoding.write(checkpointOf: pipeline, changed: changed, through: sequence, to: store,
                                      at: Date().timeIntervalSince1970)
        // Memory freed between the fleet's long-lived allocations stays with the process unless it
        // is given back: once a checkpoint has freed its records, it is (a fifth of a
        // 400,000-device daemon's resident memory after its flood).
        let written = ContinuousClock.now
        malloc_trim(0)
        // What the heap holds and what it keeps free between allocations (holes that whole pages
        // do not cover, which it cannot give back): what a device costs beyond its own bytes.
        let heap = mallinfo2()
        job.logger.debug("checkpoint", metadata: ["devices_changed": "\(changed.count)", "devices": "\(pipeline.state.devices.count)",
                                                  "milliseconds": "\((written - started) / .milliseconds(1))",
                                                  "memory_given_back_milliseconds": "\((ContinuousClock.now - written) / .milliseconds(1))",
                                                  "heap_in_use_bytes": "\(heap.uordblks)", "heap_free_bytes": "\(heap.fordblks)",
                                                  "heap_mapped_bytes": "\(heap.hblkhd)"])
        do {
            try journal.trim(through: sequence)
        } catch {
            job.logger.warning("cannot trim the journal", metadata: ["error": "\(error)"])
        }
    }

    /// Publishes the details of changed devices, at most `device_details_per_second` over a
    /// summary interval; the rest wait for the next one, so a busy fleet cannot flood the broker.
    private mutating func publishDetails() {
        let budget = Int(Double(job.configuration.deviceDetailsPerSecond) * job.configuration.summaryInterval.baseValue)
        for place in Array(staleDetails.prefix(max(1, budget))) {
            guard let detail = pipeline.detail(at: place) else {
                staleDetails.remove(place)
                continue
            }
            guard publisher.publishDetail(detail) else { return }
            staleDetails.remove(place)
        }
    }

    private func report(_ summary: DaemonSummary) {
        publisher.publishSummary(summary)
        job.onSummary?(summary)
        job.notifier.send("STATUS=\(summary.counters.messages) messages, \(summary.devices) devices, \(summary.openWorkOrderCount) open work orders")
    }

    /// Work orders at info; dead letters at warning, at most a few a second, with a tally of the rest.
    private mutating func log(_ output: PipelineOutput) {
        let logger = job.logger
        for order in output.escalatedOrders {
            logger.warning("work order escalated", metadata: ["id": "\(order.id)", "reason": "\(order.reason ?? "-")", "due": "\(order.due.map { "\($0)" } ?? "-")"])
        }
        for order in output.workOrders {
            logger.info("work order", metadata: ["id": "\(order.id)", "rule": "\(order.rule)", "priority": "\(order.priority.rawValue)", "kit": "\(order.kit ?? "-")"])
        }
        for order in output.closedOrders {
            logger.info("work order \(order.status.rawValue)", metadata: ["id": "\(order.id)", "cause": "\(order.closedBy?.cause.rawValue ?? "-")",
                                                                     "action": "\(order.closedBy?.action.rawValue ?? "-")"])
        }
        for letter in output.deadLetters {
            let (allowed, suppressed) = deadLetterLog.admit()
            guard allowed else { continue }
            logger.warning("dead letter", metadata: ["reason": "\(letter.reason.rawValue)", "topic": "\(letter.topic)", "detail": "\(letter.detail)",
                                                     "suppressed_before": "\(suppressed)"])
        }
    }

    private mutating func summary(rate: Double) -> DaemonSummary {
        let (urgent, openCount) = pipeline.mostUrgentOrders()
        let state = pipeline.state
        return DaemonSummary(instance: job.configuration.instance, publishedAt: Date(), eventTime: state.watermark,
                             devices: state.devices.count, messagesPerSecond: rate, counters: state.counters,
                             openWorkOrders: urgent, openWorkOrderCount: openCount, cpuSeconds: state.ledger.cpuSeconds,
                             impact: model.summary(of: state.ledger),
                             activity: KindActivity.of(state.ledger, at: state.watermark), partition: job.configuration.partition)
    }
}
