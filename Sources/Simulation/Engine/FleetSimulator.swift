import FleetModel
import Foundation
import Telemetry

/// A fleet in event time: devices wear with use, break, get abused and are replaced; their
/// telemetry comes out in time order as the profiles' topics and payloads. In `cbm` mode a
/// technician loop carries out the daemon's work orders (`accept`); in `baseline` mode the
/// profile's fixed policy services the fleet and work orders are ignored.
///
/// Pure and deterministic: seeded streams per device unit and for its technicians, derived from
/// the seed and the device's identity (so a shard of the fleet gives its devices the streams they
/// have in the whole fleet), an integer clock, no wall time. Pull messages with `next()` and feed
/// back orders in between.
public struct FleetSimulator: Sendable {
    public let settings: SimulationSettings
    /// Event time of the latest message, seconds since 1970.
    public private(set) var now: Int64
    public let end: Int64
    public private(set) var messageCount = 0
    /// Events run so far: with `now`, the stamp of the message `next` returned last.
    public private(set) var eventCount = 0
    /// Units that left service, in the order they did.
    public private(set) var lives: [UnitLife] = []
    /// What the user should know about this run (a period too coarse for a missing-data rule).
    public let notes: [String]
    private let kinds: [KindModel]
    private var units: [DeviceUnit] = []
    private var generations: [GenerationLog] = []
    private let unitIndex: [String: Int]
    private var queue = EventQueue()
    private var outbox: [SimulatedMessage] = []
    private var outboxRead = 0
    private var jobs: [Int: (order: WorkOrder, generation: Int)] = [:]
    private var jobCount = 0
    /// Job number of each order still waiting for its technician, so a closed order's job is
    /// dropped without remembering every order ever closed.
    private var jobByOrder: [String: Int] = [:]
    private var values: [ReadingValue?] = []

    public init(library: ProfileLibrary, settings: SimulationSettings) throws(SimulationError) {
        self.settings = settings
        now = settings.startSeconds
        end = settings.endSeconds
        var kinds: [KindModel] = []
        var notes: [String] = []
        for kind in settings.fleet.kinds {
            guard let profile = library.profile(kind) else {
                throw SimulationError("--fleet: no profile for kind '\(kind)'; known: \(library.profiles.map(\.kind).joined(separator: ", "))")
            }
            let model = KindModel(profile: profile, period: settings.period)
            for rule in profile.rules {
                if case .missingData(let after) = rule.condition, after.baseValue < Double(model.period) {
                    notes.append("\(kind): a sample every \(model.period) s is slower than rule '\(rule.id)' (missing after \(after)); it fires twice per device, until the daemon has learned the device's cadence")
                }
            }
            kinds.append(model)
        }
        self.kinds = kinds
        self.notes = notes
        var index: [String: Int] = [:]
        var units: [DeviceUnit] = []
        for (k, count) in settings.fleet.counts.enumerated() {
            let width = max(5, String(count).count)
            let kind = kinds[k].profile.kind
            for n in 1...count {
                let number = String(n)
                let identity = DeviceIdentity(kind: kind, id: "\(kind)-" + String(repeating: "0", count: width - number.count) + number)
                guard settings.shard?.owns(identity) ?? true else { continue }
                let slot = units.count
                index[identity.key] = slot
                units.append(DeviceUnit(kind: k, id: identity.id, topic: kinds[k].topic.topic(device: identity.id), slot: slot,
                                        streamKey: identity.stableHash, seed: settings.seed))
            }
        }
        unitIndex = index
        self.units = units
        generations = [GenerationLog](repeating: GenerationLog(), count: units.count)
        let spread = min(settings.commissioningSpread, Double(end - now))
        for slot in units.indices {
            let start = now + Int64(self.units[slot].rng.uniform(0, spread))
            commission(slot, at: start, generation: 0)
            queue.schedule(.sample, at: start, device: slot, generation: 0)
        }
    }

    public var deviceCount: Int { units.count }

    /// Share of the simulated time done, 0...1.
    public var progress: Double {
        let span = Double(end - settings.startSeconds)
        return span > 0 ? min(1, Double(now - settings.startSeconds) / span) : 1
    }

    // MARK: Pulling messages

    /// The next message in event time; nil once the run's end is reached.
    public mutating func next() -> SimulatedMessage? {
        guard case .message(let message) = next(before: .max, ordersSettled: true) else { return nil }
        return message
    }

    /// The next message, if it can be known before the daemon's feedback on the messages already
    /// sent: events at or after `limit` wait (an order not seen yet could act then), and so do
    /// jobs unless `ordersSettled` (every order and closure so far applied: one could cancel it)
    /// and the daemon's timers have run through the job's time (`timersThrough`: a rule that
    /// lapsed by then closes its order, whether or not other devices' messages moved the clock).
    public mutating func next(before limit: Int64, ordersSettled: Bool, timersThrough: Int64 = .max) -> SimulationStep {
        while outboxRead == outbox.count {
            outbox.removeAll(keepingCapacity: true)
            outboxRead = 0
            guard let first = queue.first, first.time <= end else { return .finished }
            guard first.time < limit, ordersSettled || !first.isJob else { return .waiting }
            guard timersThrough >= first.time || !first.isJob else { return .timersNeeded(through: first.time) }
            let event = queue.pop()!
            now = event.time
            eventCount += 1
            run(event)
        }
        defer { outboxRead += 1 }
        messageCount += 1
        return .message(outbox[outboxRead])
    }

    /// Where feedback on the message `next` returned last applies.
    public var stamp: EventStamp { EventStamp(time: now, event: eventCount) }

    /// How far ahead of the daemon's feedback `next(before:ordersSettled:)` may run: the
    /// shortest time from a message to the moment an order it causes can act.
    public static var orderLead: Int64 { Physics.minimumOrderLead }

    // MARK: The technician loop

    /// A work order from the daemon: scheduled after a lead time that follows its priority and
    /// due date. Ignored in baseline mode, and for missing-data rules (nothing is broken). An
    /// order already waiting (escalated to alarm) is planned again from its new due date.
    /// `stamp` is the message the daemon issued it on (nil: the latest), so an order fed back late
    /// is planned as if it had come at once, for the unit in service then.
    public mutating func accept(_ order: WorkOrder, after stamp: EventStamp? = nil) {
        guard settings.mode == .cbm, let slot = unitIndex[DeviceIdentity(kind: order.kind, id: order.device).key],
              !kinds[units[slot].kind].missingRules.contains(order.rule) else { return }
        let stamp = stamp ?? self.stamp
        let generation = generations[slot].generation(afterEvent: stamp.event)
        // Planned from when the order reaches the technicians: its issue, or its message for an escalation.
        let planned = max(stamp.time, Int64(order.issuedAt.timeIntervalSince1970))
        let due = order.due.map { $0.timeIntervalSince1970 - Double(planned) } ?? Physics.day
        let lead: Double
        switch order.resolution {
        case .technician: lead = max(Physics.minimumTechnicianLead, due * units[slot].technicians.uniform(Physics.technicianShare.lowerBound, Physics.technicianShare.upperBound))
        case .customer: lead = max(Double(Physics.minimumOrderLead), min(due, Physics.day * units[slot].technicians.uniform(Physics.customerDays.lowerBound, Physics.customerDays.upperBound)))
        case .remote: lead = 3600 * units[slot].technicians.uniform(Physics.remoteHours.lowerBound, Physics.remoteHours.upperBound)
        }
        if let waiting = jobByOrder[order.id] { jobs[waiting] = nil }
        jobCount += 1
        jobs[jobCount] = (order, generation)
        jobByOrder[order.id] = jobCount
        queue.schedule(.job(jobCount), at: planned + Int64(lead), device: slot, generation: generation)
    }

    /// The daemon closed an order itself (the condition cleared, or another visit covered it).
    public mutating func orderClosed(_ id: String) {
        if let number = jobByOrder.removeValue(forKey: id) { jobs[number] = nil }
    }

    // MARK: Events

    private mutating func run(_ event: ScheduledEvent) {
        let slot = Int(event.device)
        let t = event.time
        let current = Int(event.generation) == units[slot].generation
        switch event.action {
        case .sample:
            advance(slot, to: t)
            sample(slot, at: t)
            queue.schedule(.sample, at: t + kinds[units[slot].kind].period, device: slot, generation: units[slot].generation)
        case .job(let number):
            guard let job = jobs.removeValue(forKey: number) else { return }
            jobByOrder[job.order.id] = nil
            guard job.generation == units[slot].generation else { return }
            advance(slot, to: t)
            carryOut(job.order, slot: slot, at: t)
        case _ where !current:
            return
        case .hazard(let h):
            advance(slot, to: t)
            occur(h, slot: slot, at: t)
        case .burst(let h, let remaining):
            guard units[slot].faults.contains(h) else { return }
            symptom(h, slot: slot, at: t)
            if remaining > 1 { queue.schedule(.burst(hazard: h, remaining: remaining - 1), at: t + Physics.burstSpacing, device: slot, generation: units[slot].generation) }
        case .callOut(let h):
            guard units[slot].faults.contains(h) || units[slot].damage.contains(h) else { return }
            advance(slot, to: t)
            callOut(h, slot: slot, at: t)
        case .plannedVisit:
            advance(slot, to: t)
            let kits = kinds[units[slot].kind].plannedKits
            let kit = kits.isEmpty ? nil : kits[units[slot].plannedVisits % kits.count]
            units[slot].plannedVisits += 1
            visit(slot, at: t, kit: kit, order: nil)
            scheduleRepeating(.plannedVisit, every: kinds[units[slot].kind].profile.baseline.serviceInterval, slot: slot, from: t)
        case .collectionRound:
            advance(slot, to: t)
            empty(slot, at: t, order: nil)
            scheduleRepeating(.collectionRound, every: kinds[units[slot].kind].profile.baseline.collection?.interval, slot: slot, from: t)
        case .renovation:
            advance(slot, to: t)
            let model = kinds[units[slot].kind]
            for (g, gauge) in model.gauges.enumerated() where gauge.endOfLife == nil { units[slot].wear[g] = 0 }
            units[slot].faults = []
            units[slot].damage = []
            report(slot, at: t, .renovation, kit: nil, order: nil)
        case .ageOut:
            advance(slot, to: t)
            retire(slot, at: t, wornOut: false)
        }
    }

    /// Usage, seasons and wear from the unit's last update to `t`.
    private mutating func advance(_ slot: Int, to t: Int64) {
        let dt = Double(t - units[slot].last)
        guard dt > 0 else { return }
        let model = kinds[units[slot].kind]
        let season = model.season(at: Double(units[slot].last) + dt / 2)
        for (u, usage) in model.usages.enumerated() {
            let delta = usage.perSecond * units[slot].usageFactor[u] * (usage.seasonal ? season : 1) * dt
            units[slot].counters[u] += delta
            units[slot].lastDelta[u] = delta
        }
        for (g, gauge) in model.gauges.enumerated() where gauge.wearPer != 0 {
            units[slot].wear[g] += gauge.wearPer * units[slot].wearFactor[g] * (gauge.usage.map { units[slot].lastDelta[$0] } ?? dt)
        }
        units[slot].last = t
    }

    private mutating func sample(_ slot: Int, at t: Int64) {
        let model = kinds[units[slot].kind]
        if model.gauges.enumerated().contains(where: { $1.isWornOut(wear: units[slot].wear[$0]) }) {
            retire(slot, at: t, wornOut: true)
        }
        values.removeAll(keepingCapacity: true)
        values.append(contentsOf: model.quiet)
        for (u, usage) in model.usages.enumerated() {
            values[usage.metric] = .number(Self.quantize(units[slot].counters[u], model.quantum[usage.metric], down: true))
        }
        for (g, gauge) in model.gauges.enumerated() {
            let noisy = gauge.value(wear: units[slot].wear[g]) + (gauge.noise > 0 ? gauge.noise * units[slot].rng.gaussian() : 0)
            values[gauge.metric] = .number(Self.quantize(min(gauge.high, max(gauge.low, noisy)), model.quantum[gauge.metric], down: false))
        }
        for h in units[slot].faults {
            let hazard = model.hazards[h]
            values[hazard.metric] = hazard.label.map(ReadingValue.label) ?? .number(1)
        }
        var payload: [UInt8] = []
        payload.reserveCapacity(256)
        model.codec.encode(at: Date(timeIntervalSince1970: Double(t)), values: values, into: &payload)
        outbox.append(.telemetry(time: t, topic: units[slot].topic, payload: payload))
        units[slot].lastTelemetry = t
    }

    /// A message with one metric only: a fault's symptom or an abuse event as it happens. None
    /// on a second the device has already reported: a reading not newer than that message's
    /// would be refused as a duplicate (the fault shows in the next sample and the bursts).
    private mutating func symptom(_ h: Int, slot: Int, at t: Int64) {
        guard units[slot].lastTelemetry < t else { return }
        let model = kinds[units[slot].kind]
        let hazard = model.hazards[h]
        values = [ReadingValue?](repeating: nil, count: model.quiet.count)
        values[hazard.metric] = hazard.label.map(ReadingValue.label) ?? .number(1)
        var payload: [UInt8] = []
        model.codec.encode(at: Date(timeIntervalSince1970: Double(t)), values: values, into: &payload)
        outbox.append(.telemetry(time: t, topic: units[slot].topic, payload: payload))
        units[slot].lastTelemetry = t
    }

    private mutating func occur(_ h: Int, slot: Int, at t: Int64) {
        let model = kinds[units[slot].kind]
        let hazard = model.hazards[h]
        let generation = units[slot].generation
        if hazard.isFault {
            if !units[slot].faults.contains(h) {
                units[slot].faults.append(h)
                symptom(h, slot: slot, at: t)
                queue.schedule(.burst(hazard: h, remaining: Physics.burstMessages - 1), at: t + Physics.burstSpacing, device: slot, generation: generation)
                scheduleCallOut(h, slot: slot, at: t)
            }
        } else {
            symptom(h, slot: slot, at: t)
            if units[slot].rng.unit() < hazard.damageShare { damage(h, slot: slot, at: t) }
        }
        guard units[slot].generation == generation else { return }
        scheduleHazard(h, slot: slot, from: t)
    }

    /// Damage needing a kit (or a kit-less repair) waits for a visit; damage no kit can repair
    /// ages the unit's end-of-life wear instead (a deep discharge costs battery health).
    private mutating func damage(_ h: Int, slot: Int, at t: Int64) {
        let model = kinds[units[slot].kind]
        let ageing = model.gauges.indices.filter { model.gauges[$0].endOfLife != nil }
        if model.hazards[h].kit == nil, !ageing.isEmpty {
            for g in ageing {
                let gauge = model.gauges[g]
                units[slot].wear[g] += (gauge.endOfLife! - gauge.start) * Physics.damageAging
            }
            return
        }
        units[slot].damage.append(h)
        if units[slot].damage.count > Physics.damageTolerance {
            retire(slot, at: t, wornOut: true)
        } else {
            scheduleCallOut(h, slot: slot, at: t)
        }
    }

    /// Nobody acted on a fault or damage: the customer calls. A technician comes, unless the
    /// policy diagnoses remotely and the fault is one the customer or a remote reset can fix.
    private mutating func callOut(_ h: Int, slot: Int, at t: Int64) {
        let model = kinds[units[slot].kind]
        let hazard = model.hazards[h]
        let policy = settings.mode == .cbm ? model.smart : model.profile.baseline
        guard hazard.isFault, hazard.resolution != .technician, policy.remoteDiagnosis else {
            return visit(slot, at: t, kit: hazard.kit, order: nil)
        }
        units[slot].faults.removeAll { $0 == h }
        report(slot, at: t, hazard.resolution == .remote ? .remoteFix : .customerFix, kit: nil, order: nil)
    }

    private mutating func carryOut(_ order: WorkOrder, slot: Int, at t: Int64) {
        guard order.resolution != .technician else { return visit(slot, at: t, kit: order.kit, order: order.id) }
        let model = kinds[units[slot].kind]
        guard let metric = model.ruleMetric[order.rule] else { return }
        if model.gauges.contains(where: { $0.metric == metric && $0.byCollection }) { return empty(slot, at: t, order: order.id) }
        for (g, gauge) in model.gauges.enumerated() where gauge.metric == metric && gauge.isConsumable { units[slot].wear[g] = 0 }
        units[slot].faults.removeAll { model.hazards[$0].metric == metric && model.hazards[$0].resolution != .technician }
        if order.resolution == .customer {
            for (h, hazard) in model.hazards.enumerated() where hazard.metric == metric && !hazard.isFault {
                units[slot].hazardFactor[h] *= Physics.adviceEffect
            }
            for (u, usage) in model.usages.enumerated() where usage.metric == metric {
                units[slot].usageFactor[u] *= Physics.adviceEffect
            }
        }
        report(slot, at: t, order.resolution == .remote ? .remoteFix : .customerFix, kit: order.kit, order: order.id)
    }

    /// A technician's visit: the kit's parts renewed (the wear it restores reset), consumables
    /// topped up, every fault and damage repaired.
    private mutating func visit(_ slot: Int, at t: Int64, kit: String?, order: String?) {
        let model = kinds[units[slot].kind]
        for (g, gauge) in model.gauges.enumerated() where gauge.isConsumable || kit.map(gauge.restoredBy.contains) == true {
            units[slot].wear[g] = 0
        }
        let used = kit ?? units[slot].damage.lazy.compactMap { model.hazards[$0].kit }.first
        units[slot].faults = []
        units[slot].damage = []
        report(slot, at: t, .visit, kit: used, order: order)
    }

    private mutating func empty(_ slot: Int, at t: Int64, order: String?) {
        let model = kinds[units[slot].kind]
        for (g, gauge) in model.gauges.enumerated() where gauge.byCollection { units[slot].wear[g] = 0 }
        report(slot, at: t, .collection, kit: nil, order: order)
    }

    private mutating func report(_ slot: Int, at t: Int64, _ action: ServiceAction, kit: String?, order: String?) {
        let unit = units[slot]
        outbox.append(.service(ServiceEvent(device: unit.id, kind: kinds[unit.kind].profile.kind, time: Date(timeIntervalSince1970: Double(t)),
                                            action: action, kit: kit, workOrder: order)))
    }

    // MARK: Unit lifecycle

    /// The unit leaves service and a new one takes its slot and id: a `replacement` report.
    private mutating func retire(_ slot: Int, at t: Int64, wornOut: Bool) {
        let unit = units[slot]
        lives.append(UnitLife(kind: kinds[unit.kind].profile.kind, device: unit.id,
                              years: Double(t - unit.commissioned) / Physics.year, wornOut: wornOut))
        report(slot, at: t, .replacement, kit: nil, order: nil)
        commission(slot, at: t, generation: unit.generation + 1)
    }

    /// A new unit: its own stream, rate factors, a fresh counter and wear state, its hazards,
    /// its end of life, and in baseline mode its planned visits and collection round.
    private mutating func commission(_ slot: Int, at t: Int64, generation: Int) {
        let model = kinds[units[slot].kind]
        var unit = units[slot]
        unit.generation = generation
        generations[slot].record(generation: generation, atEvent: eventCount)
        unit.rng = SplitMix64(seed: settings.seed, stream: unit.streamKey, substream: UInt64(generation) + 1)
        unit.commissioned = t
        unit.last = t
        unit.usageFactor = model.usages.map { unit.rng.factor(spread: $0.spread) }
        unit.counters = model.usages.map { _ in 0 }
        unit.lastDelta = unit.counters
        unit.wearFactor = model.gauges.map { unit.rng.factor(spread: $0.spread) }
        unit.wear = model.gauges.map { _ in 0 }
        unit.hazardFactor = model.hazards.map { _ in 1 }
        unit.faults = []
        unit.damage = []
        unit.plannedVisits = 0
        let policy = settings.mode == .cbm ? model.smart : model.profile.baseline
        let life: Double
        if settings.mode == .baseline, let range = policy.lifeRange {
            life = unit.rng.triangular(low: range.low.baseValue, mode: policy.life.baseValue, high: range.high.baseValue)
        } else {
            life = policy.lifeRange?.high.baseValue ?? policy.life.baseValue
        }
        units[slot] = unit
        queue.schedule(.ageOut, at: t + Int64(life), device: slot, generation: generation)
        for h in model.hazards.indices { scheduleHazard(h, slot: slot, from: t) }
        if settings.mode == .baseline {
            scheduleRepeating(.plannedVisit, every: policy.serviceInterval, slot: slot, from: t)
            scheduleRepeating(.collectionRound, every: policy.collection?.interval, slot: slot, from: t)
        }
        for (r, renovation) in policy.renovations.enumerated() {
            queue.schedule(.renovation(r), at: t + Int64(renovation.at.baseValue), device: slot, generation: generation)
        }
    }

    private mutating func scheduleHazard(_ h: Int, slot: Int, from t: Int64) {
        let hazard = kinds[units[slot].kind].hazards[h]
        let rate = hazard.usage.map { units[slot].usageFactor[$0] } ?? 1
        let mean = hazard.meanSeconds / max(rate * units[slot].hazardFactor[h], .leastNonzeroMagnitude)
        let wait = units[slot].rng.exponential(mean: mean)
        guard wait < Double(end - t) else { return }
        queue.schedule(.hazard(h), at: t + max(1, Int64(wait)), device: slot, generation: units[slot].generation)
    }

    private mutating func scheduleCallOut(_ h: Int, slot: Int, at t: Int64) {
        let days = Physics.callOutDays[kinds[units[slot].kind].hazards[h].resolution] ?? 1...3
        let delay = Physics.day * units[slot].rng.uniform(days.lowerBound, days.upperBound)
        queue.schedule(.callOut(h), at: t + Int64(delay), device: slot, generation: units[slot].generation)
    }

    private mutating func scheduleRepeating(_ action: ScheduledAction, every interval: Quantity?, slot: Int, from t: Int64) {
        guard let seconds = interval?.baseValue, seconds > 0 else { return }
        queue.schedule(action, at: t + Int64(seconds), device: slot, generation: units[slot].generation)
    }

    /// Rounds to the payload's resolution through an integer, so the JSON number is short.
    static func quantize(_ value: Double, _ quantum: Double, down: Bool) -> Double {
        let steps = (value / quantum)
        let whole = down ? steps.rounded(.down) : steps.rounded()
        let inverse = (1 / quantum).rounded()
        return inverse >= 1 && abs(inverse * quantum - 1) < 1e-9 ? whole / inverse : whole * quantum
    }
}
