import FleetModel
import Foundation

/// A device's state as a compact binary record, for checkpoints: a few hundred bytes written in a
/// few microseconds. Metric and rule ids are written with their values, so a state saved under
/// another version of the profile is realigned by id when read (new ones start fresh, windows
/// whose shape changed are dropped).
extension MaintenanceEngine {
    /// The record format; a reader refuses any other.
    static let recordFormat: UInt8 = 1

    public func record(of state: DeviceState, into writer: inout BinaryWriter) {
        writer.write(Self.recordFormat)
        writer.write(state.device)
        writer.write(state.commissioned.timeIntervalSince1970)
        writer.write(state.watermark?.timeIntervalSince1970)
        writer.write(state.lastService?.timeIntervalSince1970)
        let counts = state.counts
        for count in [counts.accepted, counts.stale, counts.duplicate, counts.unknownMetric, counts.suppressed, counts.ordersIssued, state.orderSequence] {
            writer.write(tally: count)
        }
        let closed = state.closedWorkOrderIDs
        writer.write(count: closed.count)
        for id in closed { writer.write(id) }
        writer.write(count: state.openOrders.count)
        for open in state.openOrders {
            writer.write(open.origin.component)
            open.workOrder(of: state).record(into: &writer)
        }
        writer.write(count: metrics.count)
        for (m, (compiled, metric)) in zip(metrics, state.metrics).enumerated() {
            writer.write(compiled.metric.id)
            let gaps = gapPlaces[m].map { state.gaps[$0] }
            for value in [metric.lastSeen?.timeIntervalSince1970, metric.lastValue, gaps?.last, gaps?.usual] { writer.write(value) }
            let sliceLength = compiled.trend?.sliceLength ?? 0
            writer.write(sliceLength)
            let slices = trendPlaces[m].map { Array(state.slots.trendSlices(ofWindow: $0)) } ?? []
            writer.write(count: slices.count)
            for slice in slices {
                writer.write(slice.slice)
                writer.write(slice.count)
                writer.write(slice.bucket.sumOffset(sliceLength: sliceLength))
                writer.write(slice.sumValue)
            }
        }
        writer.write(count: rules.count)
        for (r, compiled) in rules.enumerated() {
            writer.write(compiled.spec.id)
            writer.write(state.levels[r]?.rawValue ?? "")
            write(memory(of: r, in: state), of: compiled, into: &writer)
        }
        // Last, where the daemon appended it before the window was the device's.
        writer.write(varint: UInt64(bitPattern: Int64(state.flood.hour)))
        writer.write(tally: Int(state.flood.count))
    }

    private func write(_ memory: RuleMemory, of rule: CompiledRule, into writer: inout BinaryWriter) {
        switch memory {
        case .none:
            writer.write(UInt8(0))
        case .threshold(let alertSince, let alarmSince):
            writer.write(UInt8(1))
            writer.write(alertSince.value)
            writer.write(alarmSince.value)
        case .rate(let buckets):
            writer.write(UInt8(2))
            if case .rate(let check) = rule.check { writer.write(check.slices.sliceLength) } else { writer.write(0.0) }
            writer.write(count: buckets.count)
            for bucket in buckets {
                writer.write(bucket.start)
                writer.write(bucket.low)
                writer.write(bucket.high)
            }
        case .repeated(let times, let last):
            writer.write(UInt8(3))
            writer.write(count: times.count)
            for time in times { writer.write(time.timeIntervalSince1970) }
            writer.write(last.value)
        case .counter(let base, let last):
            writer.write(UInt8(4))
            writer.write(base.value)
            writer.write(last.value)
        }
    }

    /// Reads what `record(of:into:)` wrote, realigned to this engine's profile.
    public func state(fromRecord reader: inout BinaryReader) throws(BinaryRecordError) -> DeviceState {
        let format = try reader.byte()
        guard format == Self.recordFormat else { throw BinaryRecordError("device record format \(format), this version reads \(Self.recordFormat)") }
        let device = try reader.string()
        var state = commission(device: device, at: Date(timeIntervalSince1970: try reader.double()))
        state.watermark = try reader.optionalDouble().map(Date.init(timeIntervalSince1970:))
        state.lastService = try reader.optionalDouble().map(Date.init(timeIntervalSince1970:))
        state.counts = DeviceCounts(accepted: try reader.tally(), stale: try reader.tally(), duplicate: try reader.tally(),
                                    unknownMetric: try reader.tally(), suppressed: try reader.tally(), ordersIssued: try reader.tally())
        // The order number, written apart from the count of orders: never smaller, so none is numbered twice.
        state.counts.ordersIssued = max(state.counts.ordersIssued, try reader.tally())
        // Closed numbers, open orders, trend windows and the rules' memories are read first, and
        // set with room for the rate rules' extremes at once (one allocation).
        var closed: [UInt32] = []
        for _ in 0 ..< (try reader.count()) { state.orderNumber(try reader.string()).map { closed.append($0) } }
        let orders = try (0 ..< reader.count()).map { _ throws(BinaryRecordError) in
            let component = try reader.string()
            return try openOrder(restoring: try WorkOrder(record: &reader), component: component, of: state)
        }
        var trend: [Int: [TrendSlice]] = [:]
        for _ in 0 ..< (try reader.count()) {
            let index = metricIndex[try reader.string()]
            var metric = MetricState()
            metric.lastSeen = try reader.optionalDouble().map(Date.init(timeIntervalSince1970:))
            metric.lastValue = try reader.optionalDouble()
            var gaps = ReportingGaps()
            gaps.last = try reader.optionalDouble()
            gaps.usual = try reader.optionalDouble()
            let sliceLength = try reader.double()
            var slices: [TrendSlice] = []
            for _ in 0 ..< (try reader.count()) {
                let (slice, count, sumOffset, sumValue) = (try reader.uint32(), try reader.uint32(), try reader.float(), try reader.float())
                slices.append(TrendSlice(slice: slice, bucket: TrendBucket(count: count, sumOffset: sumOffset, sumValue: sumValue, sliceLength: sliceLength)))
            }
            guard let index else { continue }
            state.metrics[index] = metric
            if let place = gapPlaces[index] { state.gaps[place] = gaps }
            if sliceLength == metrics[index].trend?.sliceLength, let window = trendPlaces[index] { trend[window] = slices }
        }
        let saved = try (0 ..< reader.count()).map { _ throws(BinaryRecordError) in
            let index = ruleIndex[try reader.string()]
            let level = WorkOrderPriority(rawValue: try reader.string())
            return (index: index, level: level, memory: try readMemory(&reader, of: index.map { rules[$0] }))
        }
        let extrema = saved.reduce(0) { if case .rate(let buckets)? = $1.memory { $0 + min(buckets.count, Int(UInt8.max)) } else { $0 } }
        state.slots.restore(closed: closed, limit: settings.closedMemory, orders: orders, trend: trend, extrema: extrema)
        for case let (index?, level, memory?) in saved { restore(rule: index, level: level, memory: memory, into: &state) }
        state.flood = FloodWindow(hour: Int64(bitPattern: try reader.varint()), count: try reader.tally())
        keepSilentReasonsAsValues(in: &state)
        return state
    }

    /// A record holds each open order's reason as text. A missing-data order issued under this
    /// profile is kept as the values its text is made from, as when it was issued: while it is open
    /// its metric has not reported again, so the metric's state gives them back, and they are kept
    /// only when they make the saved text exactly.
    func keepSilentReasonsAsValues(in state: inout DeviceState) {
        // By index: a loop over the orders would hold them while one changes, and copy the device's slots.
        for index in state.openOrders.indices {
            let open = state.openOrders[index]
            guard case .text(let text) = open.reason, let r = ruleIndex[open.origin.rule], rules[r].origin === open.origin,
                  case .missing(let check) = rules[r].check else { continue }
            let m = rules[r].metricIndex
            let values = check.reason(state.metrics[m], gaps(of: m, in: state))
            if values.text(of: open.origin) == text { state.openOrders[index].reason = values }
        }
    }

    /// Rule `r`'s saved level and memory, when the memory has the form the rule's has now (a rule
    /// id may change kind).
    func restore(rule r: Int, level: WorkOrderPriority?, memory: RuleMemory, into state: inout DeviceState) {
        guard memory.hasSameForm(as: self.memory(of: r, in: state)) else { return }
        setMemory(memory, of: r, in: &state)
        state.levels[r] = level
    }

    /// A saved open order of `state`, sharing its rule's `OrderOrigin` when the rule still says
    /// what the order does (else the order keeps what it was issued with).
    func openOrder(restoring order: WorkOrder, component: String, of state: DeviceState) throws(BinaryRecordError) -> OpenOrder {
        guard order.device == state.device, order.kind == state.kind, let number = state.orderNumber(order.id) else {
            throw BinaryRecordError("open order '\(order.id)' is not an order of \(state.identity)")
        }
        let shared = ruleIndex[order.rule].map { rules[$0].origin }
        let origin = shared.flatMap { ($0.component, $0.kit, $0.resolution, $0.note) == (component, order.kit, order.resolution, order.note) ? $0 : nil }
            ?? OrderOrigin(rule: order.rule, component: component, kit: order.kit, resolution: order.resolution, note: order.note)
        return OpenOrder(origin: origin, number: number, priority: order.priority, reason: order.reason.map(OrderReason.text), issuedAt: order.issuedAt,
                         due: order.due, status: order.status, statusAt: order.statusAt)
    }

    /// A rule's memory, or nil when its window's shape is not the rule's in this profile.
    private func readMemory(_ reader: inout BinaryReader, of rule: CompiledRule?) throws(BinaryRecordError) -> RuleMemory? {
        func number() throws(BinaryRecordError) -> OptionalNumber { OptionalNumber(try reader.optionalDouble()) }
        switch try reader.byte() {
        case 0:
            return RuleMemory.none
        case 1:
            return .threshold(alertSince: try number(), alarmSince: try number())
        case 2:
            let sliceLength = try reader.double()
            let buckets = try (0 ..< reader.count()).map { _ throws(BinaryRecordError) in
                ExtremaBucket(start: try reader.double(), low: try reader.double(), high: try reader.double())
            }
            guard case .rate(let check) = rule?.check, check.slices.sliceLength == sliceLength else { return nil }
            return .rate(buckets)
        case 3:
            let times = try (0 ..< reader.count()).map { _ throws(BinaryRecordError) in Date(timeIntervalSince1970: try reader.double()) }
            return .repeated(times: times, last: try number())
        case 4:
            return .counter(base: try number(), last: try number())
        case let tag:
            throw BinaryRecordError("rule memory of unknown form \(tag)")
        }
    }
}
