import Foundation
@testable import Maintenance
import Testing

@Suite struct DeviceSlotsTests {
    static func rules() -> [RuleState] {
        [RuleState(memory: .repeated(times: [Date(timeIntervalSince1970: 1)], last: nil)), RuleState(level: .alert, memory: .none),
         RuleState(memory: .rate([ExtremaBucket(start: 0, low: 1, high: 2)]))]
    }

    @Test func aCopyKeptAsideStaysWhatItWas() {
        var slots = DeviceSlots(metrics: Array(repeating: MetricState(), count: 4), rules: Self.rules())
        let before = slots
        slots.metrics[2].lastValue = 7
        slots.rules[0].memory = .repeated(times: [Date(timeIntervalSince1970: 2), Date(timeIntervalSince1970: 3)], last: nil)
        slots.insertTrend(TrendBucket(metric: 1, slice: 9), at: 0, growingBy: 2)
        #expect(before.metrics[2].lastValue == nil && before.rules == DeviceSlots(metrics: [], rules: Self.rules()).rules && before.trend.isEmpty)
        #expect(slots.metrics[2].lastValue == 7 && slots.trend.map(\.slice) == [9] && slots.trendRoom == 2)
        #expect(slots != before)
    }

    /// A restore fills a device one metric at a time: each group lands between the others, and
    /// the room is exactly what is held (no spare slices in a restored fleet).
    @Test func slicesReplacedByGroupKeepTheirOrderAndExactRoom() {
        var slots = DeviceSlots(metrics: Array(repeating: MetricState(), count: 3), rules: Self.rules())
        func group(_ metric: Int, _ slices: ClosedRange<UInt32>) -> [TrendBucket] { slices.map { TrendBucket(metric: metric, slice: $0) } }
        slots.replaceTrend(0 ..< 0, with: group(0, 1 ... 3))
        slots.replaceTrend(3 ..< 3, with: group(2, 5 ... 6))
        slots.replaceTrend(3 ..< 3, with: group(1, 7 ... 10))
        #expect(slots.trend.map(\.metric) == [0, 0, 0, 1, 1, 1, 1, 2, 2] && slots.trendRoom == 9)
        slots.replaceTrend(TrendBucket.slices(of: 1, in: slots.trend), with: group(1, 11 ... 11))
        slots.removeTrend(0 ..< 1)
        #expect(slots.trend.map(\.slice) == [2, 3, 11, 5, 6] && slots.trendRoom == 9)
        #expect(slots.metrics.count == 3 && slots.rules == DeviceSlots(metrics: [], rules: Self.rules()).rules)
    }
}
