import FleetModel
import Foundation

extension MaintenanceEngine {
    /// The compact state of a device saved as `LegacyDeviceState`, realigned by metric and rule id.
    public func state(adopting saved: LegacyDeviceState) throws(BinaryRecordError) -> DeviceState {
        var state = commission(device: saved.device, at: saved.commissioned)
        for old in saved.metrics {
            guard let index = metricIndex[old.metric] else { continue }
            state.metrics[index].lastSeen = old.lastSeen
            state.metrics[index].lastValue = old.lastValue
            if let place = gapPlaces[index] { (state.gaps[place].last, state.gaps[place].usual) = (old.lastGap, old.usualGap) }
            if let trend = old.trend, trend.sliceLength == metrics[index].trend?.sliceLength {
                setTrendSlices(trend.buckets.map {
                    TrendSlice(slice: UInt32(clamping: Int64(($0.start / trend.sliceLength).rounded())),
                               bucket: TrendBucket(count: UInt32(clamping: Int64($0.count)), sumOffset: Float($0.sumOffset), sumValue: Float($0.sumValue),
                                                   sliceLength: trend.sliceLength))
                }, of: index, in: &state)
            }
        }
        for old in saved.rules {
            guard let index = ruleIndex[old.rule] else { continue }
            let memory: RuleMemory? = switch old.memory {
            case .none: RuleMemory.none
            case .threshold(let alertSince, let alarmSince): .threshold(alertSince: OptionalNumber(alertSince), alarmSince: OptionalNumber(alarmSince))
            case .rate(let window):
                if case .rate(let check) = rules[index].check, check.slices.sliceLength == window.sliceLength {
                    .rate(window.buckets.map { ExtremaBucket(start: $0.start, low: $0.low, high: $0.high) })
                } else {
                    nil
                }
            case .repeated(let times, let last): .repeated(times: times, last: OptionalNumber(last))
            case .counter(let base, let last): .counter(base: OptionalNumber(base), last: OptionalNumber(last))
            }
            if let memory { restore(rule: index, level: old.level, memory: memory, into: &state) }
        }
        state.watermark = saved.watermark
        let commissioned = state
        for open in saved.openOrders {
            state.addOpenOrder(try openOrder(restoring: open.order, component: open.component, of: commissioned))
        }
        state.lastService = saved.lastService
        let counts = saved.counts
        state.counts = DeviceCounts(accepted: counts.accepted, stale: counts.stale, duplicate: counts.duplicate, unknownMetric: counts.unknownMetric,
                                    suppressed: counts.suppressed, ordersIssued: max(counts.ordersIssued, saved.orderSequence))
        for id in saved.recentlyClosed { state.rememberClosed(id: id, limit: settings.closedMemory) }
        keepSilentReasonsAsValues(in: &state)
        return state
    }
}
