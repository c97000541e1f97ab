import FleetModel
import Foundation
@testable import Maintenance
import Testing

@Suite struct DeviceSlotsTests {
    static let memories: [RuleMemory] = [.repeated(times: [Date(timeIntervalSince1970: 1)], last: nil), .rate([ExtremaBucket(start: 0, low: 1, high: 2)])]

    static func slots(metrics: Int) -> DeviceSlots {
        DeviceSlots(metrics: metrics, gaps: 1, levels: 3, memories: memories)
    }

    @Test func aCopyKeptAsideStaysWhatItWas() {
        var slots = Self.slots(metrics: 4)
        let before = slots
        slots.metrics[2].lastValue = 7
        slots.gaps[0].last = 60
        slots.levels[1] = .alert
        slots.memories[0] = .repeated(times: [Date(timeIntervalSince1970: 2), Date(timeIntervalSince1970: 3)], last: nil)
        slots.insertTrend(TrendBucket(metric: 1, slice: 9), at: 0, growingBy: 2)
        #expect(before.metrics[2].lastValue == nil && before.gaps[0].last == nil && before.levels.allSatisfy { $0 == nil })
        #expect(Array(before.memories) == Self.memories && before.trend.isEmpty)
        #expect(slots.metrics[2].lastValue == 7 && slots.gaps[0].last == 60 && Array(slots.levels) == [nil, .alert, nil])
        #expect(slots.memories[0] != Self.memories[0] && slots.memories[1] == Self.memories[1])
        #expect(slots.trend.map(\.slice) == [9] && slots.trendRoom == 2)
        #expect(slots != before)
    }

    /// Each part keeps its own bytes: changing one leaves its neighbours as they were, also when
    /// the trend slices grow and the storage is copied into a larger one.
    @Test func partsDoNotOverlap() {
        var slots = DeviceSlots(metrics: 3, gaps: 2, levels: 5, memories: [.counter(base: nil, last: nil), .threshold(alertSince: nil, alarmSince: nil)])
        for m in 0 ..< 3 { slots.metrics[m].lastSeen = Date(timeIntervalSince1970: Double(m + 1)) }
        for g in 0 ..< 2 { slots.gaps[g].usual = Double(g + 10) }
        for r in 0 ..< 5 { slots.levels[r] = r.isMultiple(of: 2) ? .alarm : nil }
        slots.memories[1] = .threshold(alertSince: OptionalNumber(5.0), alarmSince: nil)
        for slice in 0 ..< 20 { slots.insertTrend(TrendBucket(metric: 0, slice: UInt32(slice)), at: slice, growingBy: 3) }
        #expect(slots.metrics.map(\.lastSeen) == [1, 2, 3].map { Date(timeIntervalSince1970: $0) })
        #expect(slots.gaps.map(\.usual) == [10, 11])
        #expect(Array(slots.levels) == [.alarm, nil, .alarm, nil, .alarm])
        #expect(Array(slots.memories) == [.counter(base: nil, last: nil), .threshold(alertSince: OptionalNumber(5.0), alarmSince: nil)])
        #expect(slots.trend.map(\.slice) == (0 ..< 20).map(UInt32.init))
    }

    /// A restore fills a device one metric at a time: each group lands between the others, and
    /// the room is exactly what is held (no spare slices in a restored fleet).
    @Test func slicesReplacedByGroupKeepTheirOrderAndExactRoom() {
        var slots = Self.slots(metrics: 3)
        func group(_ metric: Int, _ slices: ClosedRange<UInt32>) -> [TrendBucket] { slices.map { TrendBucket(metric: metric, slice: $0) } }
        slots.replaceTrend(0 ..< 0, with: group(0, 1 ... 3))
        slots.replaceTrend(3 ..< 3, with: group(2, 5 ... 6))
        slots.replaceTrend(3 ..< 3, with: group(1, 7 ... 10))
        #expect(slots.trend.map(\.metric) == [0, 0, 0, 1, 1, 1, 1, 2, 2] && slots.trendRoom == 9)
        slots.replaceTrend(TrendBucket.slices(of: 1, in: slots.trend), with: group(1, 11 ... 11))
        slots.removeTrend(0 ..< 1)
        #expect(slots.trend.map(\.slice) == [2, 3, 11, 5, 6] && slots.trendRoom == 9)
        #expect(slots.metrics.count == 3 && Array(slots.memories) == Self.memories)
    }
}
