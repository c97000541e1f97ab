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
}
