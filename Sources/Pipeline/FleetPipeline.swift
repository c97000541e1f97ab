import FleetModel
import Foundation
import Impact
import Maintenance
import Telemetry

/// The daemon's whole path from a received message to work orders, dead letters and the ledger:
/// route and decode (Telemetry), run the rules (Maintenance), count (Impact). One value owns
/// every device's state, so the daemon, `replay --offline` and the tests run the same code, and
/// the same messages in the same order give the same result.
public struct FleetPipeline: Sendable {
    public let library: ProfileLibrary
    public private(set) var state: PipelineState
    public let parser: MessageParser
    /// Devices changed since the last `takeChanges()`, for incremental checkpoints, by their
    /// place in `state.devices` (as are `timers`).
    private var changed = DevicePlaces()
    private let engines: [String: MaintenanceEngine]
    /// Devices by their next timer deadline, so a step of event time visits only the due ones.
    private var timers = TimerQueue()
    private var openOrders: OpenOrderBook
    private let floodLimits: [String: Int]
    private let deviceLimits: DeviceLimits
    /// Timers of every device run at least this often in event time, also for silent devices.
    private let timerStep: TimeInterval

    /// `urgentOrdersKept`: how many of the most urgent open orders are kept ranked between looks
    /// through every device (the summary lists the first `DaemonSummary.openOrderLimit`).
    public init(library: ProfileLibrary, limits: DecodeLimits = DecodeLimits(), deviceLimits: DeviceLimits = DeviceLimits(),
                state: PipelineState = PipelineState(), timerStep: TimeInterval = 900, urgentOrdersKept: Int = 32_768) {
        self.library = library
        self.deviceLimits = deviceLimits
        self.timerStep = timerStep
        parser = MessageParser(library: library, limits: limits)
        let engines = Dictionary(uniqueKeysWithValues: library.profiles.map { ($0.kind, MaintenanceEngine(profile: $0)) })
        self.engines = engines
        floodLimits = Dictionary(uniqueKeysWithValues: library.profiles.map { ($0.kind, FloodGuard.limit(for: $0)) })
        self.state = state
        self.state.admissions.perKind = [:]
        var open = 0
        for (place, device) in state.devices.values.enumerated() {
            open += device.openOrders.count
            self.state.admissions.perKind[device.kind, default: 0] += 1
            timers.schedule(place, at: engines[device.kind]?.nextDeadline(of: device))
        }
        openOrders = OpenOrderBook(count: open, limit: urgentOrdersKept)
    }

    /// The most urgent open work orders (alarms first, then the oldest; at most
    /// `DaemonSummary.openOrderLimit`) and how many orders are open.
    public mutating func mostUrgentOrders() -> (orders: [WorkOrder], count: Int) {
        (openOrders.mostUrgent(in: state.devices), openOrders.count)
    }

    /// How often finding the most urgent orders had to look through every device.
    public var openOrderLooks: Int { openOrders.looks }

    /// The rule engine of `kind` (what reads and writes its devices' checkpoint records).
    public func engine(for kind: String) -> MaintenanceEngine? { engines[kind] }

    /// The MQTT filters that bring everything this pipeline understands.
    public var subscriptions: [String] { parser.decoder.router.subscriptions + [OutputTopics.serviceReports] }

    /// Processes one message: telemetry, or a service report on `fleetprint/service/<kind>/<device>`.
    /// `receivedAt` is when it arrived (journaled or recorded, so a replay decides the same).
    public mutating func ingest(topic: String, payload: [UInt8], receivedAt: Date? = nil) -> PipelineOutput {
        ingest(parser.parse(topic: topic, payload: payload), receivedAt: receivedAt)
    }

    /// Processes a message `parser` has parsed already (possibly on another thread).
    public mutating func ingest(_ parsed: ParsedMessage, receivedAt: Date? = nil) -> PipelineOutput {
        state.counters.messages += 1
        let (topic, payload) = (parsed.topic, parsed.payload)
        let message: DecodedMessage
        switch parsed.content {
        case .telemetry(let decoded):
            do {
                try parser.decoder.check(decoded, reference: state.watermark, receivedAt: receivedAt)
            } catch {
                return deadLetter(.decode(error.reason), topic: topic, detail: error.detail, field: error.field, payload: payload)
            }
            message = decoded
        case .rejected(let error):
            return deadLetter(.decode(error.reason), topic: topic, detail: error.detail, field: error.field, payload: payload)
        case .serviceReport(let kind, let device, let report):
            return ingestServiceReport(report, kind: kind, device: device, topic: topic, payload: payload, receivedAt: receivedAt)
        case .badServiceReport(let detail, let field):
            return deadLetter(.badServiceReport, topic: topic, detail: detail, field: field, payload: payload)
        }
        let address = message.address
        guard let engine = engines[address.kind] else {
            return deadLetter(.decode(.unknownKind), topic: topic, detail: "no profile for kind '\(address.kind)'", field: nil, payload: payload)
        }
        let slot: Int
        if let known = state.devices.index(kind: address.kind, id: address.device) {
            slot = known
        } else {
            do {
                slot = try commission(DeviceIdentity(kind: address.kind, id: address.device), engine: engine, at: message.time)
            } catch {
                return deadLetter(.deviceLimit, topic: topic, detail: error.detail, field: nil, payload: payload)
            }
        }
        // Counted in the device's flood window, which is saved with the device: changed either way.
        changed.insert(slot)
        let limit = floodLimits[address.kind] ?? Int.max
        guard state.devices[place: slot].flood.admit(at: message.time, limit: limit) else {
            return deadLetter(.flood, topic: topic, detail: "more than \(limit) messages in an hour of event time from one device", field: nil, payload: payload)
        }
        var output = catchUpTimers(slot, engine: engine, before: message.time)
        let run = Self.process(message.readings, engine: engine, device: &state.devices[place: slot])
        for result in run.results { absorb(result, of: slot, into: &output) }
        timers.schedule(slot, at: run.deadline)
        let accepted = run.accepted
        guard accepted > 0 else {
            let reason = run.rejection ?? .duplicate
            output.merge(deadLetter(.reading(reason), topic: topic, detail: "no reading newer than the device's last reading of its metric", field: nil, payload: payload))
            return output
        }
        state.counters.readings += accepted
        state.ledger.receive(bytes: MessageTraffic.wireBytes(topicBytes: topic.utf8.count, payloadBytes: payload.count),
                             kind: address.kind, id: address.device, at: message.time)
        let watermark = max(state.watermark ?? message.time, message.time)
        state.watermark = watermark
        output.merge(runTimers(through: watermark))
        return output
    }

    /// The device stored under `key` (`DeviceIdentity.key`) as its detail topic carries it.
    public func detail(of key: String) -> DeviceDetail? {
        state.devices.index(forKey: key).flatMap(detail(at:))
    }

    /// The device at `place` in `state.devices` (a place `takeChanges()` gave).
    public func detail(at place: Int) -> DeviceDetail? {
        let device = state.devices[place: place]
        guard let engine = engines[device.kind] else { return nil }
        return DeviceDetail(state: device, engine: engine, ledger: state.ledger.device(kind: device.kind, id: device.device), eventTime: state.watermark)
    }

    /// Fleetprint's own CPU time, for the ledger's ICT overhead.
    public mutating func addCompute(cpuSeconds: Double) {
        state.ledger.addCompute(cpuSeconds: cpuSeconds)
    }

    /// The places in `state.devices` of the devices changed since the last call, and forgets
    /// them: places, as a set of keys would build a key string for each changed device.
    public mutating func takeChanges() -> DevicePlaces {
        defer { changed = DevicePlaces() }
        return changed
    }

    /// Commissions a device seen for the first time if `DeviceLimits` allow; its place in
    /// `state.devices`, where its state is then changed in place (a copy would copy its arrays on
    /// the first change).
    private mutating func commission(_ identity: DeviceIdentity, engine: MaintenanceEngine, at time: Date) throws(AdmissionRefusal) -> Int {
        try state.admissions.admit(kind: identity.kind, at: time, limits: deviceLimits)
        state.ledger.commission(identity, at: time)
        state.devices.store(engine.commission(device: identity.id, at: time))
        return state.devices.count - 1
    }

    /// Runs a message's readings on the device in place; the outputs worth booking are returned,
    /// to be booked outside that access.
    private static func process(_ readings: [Reading], engine: MaintenanceEngine, device: inout DeviceState)
        -> (accepted: Int, rejection: ReadingDisposition?, results: [MaintenanceOutput], deadline: Date?) {
        var accepted = 0
        var rejection: ReadingDisposition?
        var results: [MaintenanceOutput] = []
        engine.process(message: readings, state: &device) { result in
            if result.disposition == .accepted { accepted += 1 } else { rejection = rejection ?? result.disposition }
            if !result.isEmpty { results.append(result) }
        }
        return (accepted, rejection, results, engine.nextDeadline(of: device))
    }

    /// Runs one device's timers that fell due before `boundary`, in order, each at the first step
    /// of `timerStep` after its deadline: so what a timer does depends on the device alone, not on
    /// when other devices' messages moved the fleet's clock (a partition or a shard of the fleet
    /// sees fewer of them). Returns what they produced and the device's next deadline.
    private static func runTimers(of device: inout DeviceState, engine: MaintenanceEngine, from deadline: Date?, before boundary: Date,
                                  step: TimeInterval) -> (results: [MaintenanceOutput], deadline: Date?) {
        var results: [MaintenanceOutput] = []
        var next = deadline
        while let due = next, due < boundary {
            let result = engine.advance(to: Date(timeIntervalSince1970: ((due.timeIntervalSince1970 / step).rounded(.down) + 1) * step), state: &device)
            if !result.isEmpty { results.append(result) }
            next = engine.nextDeadline(of: device)
            // A timer still due at its own step would never leave; none does, but never spin.
            if let later = next, later <= due { break }
        }
        return (results, next)
    }

    /// Runs the device's timers that fell due before the step of `time`, ahead of its message at
    /// `time`: whether they ran first must not depend on other devices' messages.
    private mutating func catchUpTimers(_ slot: Int, engine: MaintenanceEngine, before time: Date) -> PipelineOutput {
        var output = PipelineOutput()
        let boundary = step(containing: time)
        guard let deadline = timers.deadline(of: slot), deadline < boundary else { return output }
        let run = Self.runTimers(of: &state.devices[place: slot], engine: engine, from: deadline, before: boundary, step: timerStep)
        for result in run.results { absorb(result, of: slot, into: &output) }
        timers.schedule(slot, at: run.deadline)
        return output
    }

    /// The step of `timerStep` that `time` falls in: timers due before it have had their turn.
    private func step(containing time: Date) -> Date {
        Date(timeIntervalSince1970: (time.timeIntervalSince1970 / timerStep).rounded(.down) * timerStep)
    }

    /// Runs the timers of the devices that are due up to `time`'s step, so missing-data rules
    /// fire for devices that have gone silent. The daemon's clock is the watermark; the closed
    /// loop also moves it to a technician's job before the job, as the fleet's messages up to
    /// then would. Depends only on event time: replay-safe. Devices are visited in key order.
    public mutating func runTimers(through time: Date) -> PipelineOutput {
        var output = PipelineOutput()
        let boundary = step(containing: time)
        guard state.timersRunTo.map({ boundary > $0 }) ?? true else { return output }
        state.timersRunTo = boundary
        let due = timers.popDue(before: boundary).sorted { DeviceIdentity.key(of: state.devices[place: $0.id], precedes: state.devices[place: $1.id]) }
        for (slot, deadline) in due {
            guard let engine = engines[state.devices[place: slot].kind] else { continue }
            let run = Self.runTimers(of: &state.devices[place: slot], engine: engine, from: deadline, before: boundary, step: timerStep)
            changed.insert(slot)
            for result in run.results { absorb(result, of: slot, into: &output) }
            timers.schedule(slot, at: run.deadline)
        }
        return output
    }

    /// A service report changes state only when it matches: it names an open work order of that
    /// device, or says `unplanned` for a device that exists; its kit is one of the kind's; its time
    /// lies within the limits that hold for telemetry (`max_age` behind, `max_future_skew` ahead of
    /// the fleet's event time or its arrival). A report naming an order that is unknown or closed
    /// already (a redelivery, or a mistake) is dead-lettered as `unknown-work-order`; anything else
    /// that does not match as `bad-service-report`. Neither changes anything.
    private mutating func ingestServiceReport(_ report: ServiceReport, kind: String, device: String, topic: String, payload: [UInt8], receivedAt: Date?) -> PipelineOutput {
        func refuse(_ detail: String, field: String? = nil) -> PipelineOutput {
            deadLetter(.badServiceReport, topic: topic, detail: detail, field: field, payload: payload)
        }
        guard let engine = engines[kind] else { return refuse("no profile for kind '\(kind)'") }
        if let kit = report.kit, engine.profile.kits.allSatisfy({ $0.id != kit }) {
            return refuse("unknown kit '\(kit)' for kind \(kind)", field: "kit")
        }
        if let problem = implausibility(of: report.time, receivedAt: receivedAt) { return refuse(problem, field: "time") }
        let key = DeviceIdentity.key(kind: kind, id: device)
        let place = state.devices.index(kind: kind, id: device)
        switch report.workOrder {
        case .some(let id):
            guard let place, state.devices[place: place].hasOpenWorkOrder(id) else {
                let known = place.map { state.devices[place: $0].knowsWorkOrder(id) } ?? false
                return deadLetter(.unknownWorkOrder, topic: topic, detail: known ? "work order \(id) of \(key) is closed already"
                                                                                : "work order \(id) is not an order of \(key)",
                                  field: "work_order", payload: payload)
            }
        case .none:
            guard report.unplanned else {
                return refuse("a report names its work order, or says \"unplanned\": true", field: "work_order")
            }
            guard place != nil else { return refuse("no device \(key) has sent telemetry") }
        }
        let slot = place!
        var output = catchUpTimers(slot, engine: engine, before: report.time)
        let result = engine.apply(report.serviceEvent(kind: kind, device: device), state: &state.devices[place: slot])
        changed.insert(slot)
        timers.schedule(slot, at: engine.nextDeadline(of: state.devices[place: slot]))
        state.counters.serviceReports += 1
        absorb(result, of: slot, into: &output)
        return output
    }

    /// Why a service report's time cannot be believed, or nil: the bounds telemetry has.
    private func implausibility(of time: Date, receivedAt: Date?) -> String? {
        let limits = parser.decoder.limits
        if let watermark = state.watermark, time < watermark.addingTimeInterval(-limits.maxAge) {
            return "time \(time.formatted(.iso8601)) is more than \(Int(limits.maxAge / 86_400)) days behind the fleet's event time"
        }
        let references = [state.watermark, receivedAt].compactMap { $0 }
        if let latest = references.max(), time > latest.addingTimeInterval(limits.maxLead) {
            return "time \(time.formatted(.iso8601)) is more than \(Int(limits.maxLead / 60)) min ahead of the fleet's event time and of its arrival"
        }
        return nil
    }

    /// Books the engine's output for the device at `slot`: orders to publish, service events into the ledger.
    private mutating func absorb(_ result: MaintenanceOutput, of slot: Int, into output: inout PipelineOutput) {
        output.workOrders += result.workOrders
        output.escalatedOrders += result.escalatedOrders
        output.closedOrders += result.closedOrders
        state.counters.workOrdersIssued += result.workOrders.count
        state.counters.workOrdersClosed += result.closedOrders.count
        let (kind, device) = (state.devices[place: slot].kind, state.devices[place: slot].device)
        result.workOrders.forEach { openOrders.issued($0, kind: kind, device: device) }
        result.escalatedOrders.forEach { openOrders.escalated($0, kind: kind, device: device) }
        openOrders.ended(result.closedOrders.count)
        for event in result.serviceEvents {
            state.ledger.record(event)
        }
    }

    private mutating func deadLetter(_ reason: DeadLetterReason, topic: String, detail: String, field: String?, payload: [UInt8]) -> PipelineOutput {
        state.counters.deadLetters[reason.rawValue, default: 0] += 1
        var output = PipelineOutput()
        output.deadLetters.append(DeadLetter(reason: reason, topic: topic, detail: detail, field: field, payload: payload))
        return output
    }
}
