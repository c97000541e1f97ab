@testable import Maintenance
import Testing

@Suite("Windows keep no more room than their slices")
struct WindowRoomTests {
    @Test("three trend windows in one allocation, slid over a hundred slices, hold 16 slices each in room for at most one more each",
          arguments: [(leaders: [0, 1, 2], cellsPerSlice: 6), (leaders: [0, 0, 0], cellsPerSlice: 4)])
    func trend(leaders: [Int], cellsPerSlice: Int) {
        let window = TrendWindow(window: 16 * 3600, slices: 16)
        let windows = [2, 0, 1]
        var slots = DeviceSlots(metrics: 0, gaps: 0, levels: 0, trendWindows: 3, trendLeaders: leaders)
        for hour in 0 ..< 100 {
            for (n, w) in windows.enumerated() {
                window.add(Double((w + 1) * hour), at: 1_767_225_600 + Double(hour) * 3600 + 60, window: w, to: &slots, growth: 1, advancing: n == 0 || leaders == [0, 1, 2])
            }
        }
        #expect(slots.trendCount == 16 * cellsPerSlice, "a slice of a window alone is two cells; windows sharing their grid cells take one more each")
        #expect(slots.trendRoom <= 17 * cellsPerSlice)
        for w in windows {
            let mine = slots.trendSlices(ofWindow: w)
            #expect(mine.map(\.slice) == Array(UInt32(490_896 + 84) ..< UInt32(490_896 + 100)))
            #expect(window.fit(mine, at: 1_767_225_600 + 100 * 3600).map { ($0.slope * 3600 * 1000).rounded() / 1000 } == Double(w + 1))
        }
    }

    @Test("a window whose readings skip slices keeps each slice's number in no more than its places, and a slice it could not place after its newest starts it again")
    func gaps() {
        let window = TrendWindow(window: 16 * 3600, slices: 16)
        var slots = DeviceSlots(metrics: 0, gaps: 0, levels: 0, trendWindows: 1)
        for hour in [0, 1, 5, 9, 14, 15, 19] { window.add(1, at: Double(hour) * 3600, window: 0, to: &slots, growth: 1) }
        #expect(slots.trendSlices(ofWindow: 0).map(\.slice) == [5, 9, 14, 15, 19])
        #expect(slots.trendCount == 2 * 15, "slices 5 to 19, the empty ones between them included")
        window.add(1, at: 40 * 3600, window: 0, to: &slots, growth: 1)
        #expect(slots.trendSlices(ofWindow: 0).map(\.slice) == [40] && slots.trendCount == 2, "a slice past the window's reach leaves it alone")
        slots.addTrend(1, fraction: 0, slice: 2, toWindow: 0, growingBy: 1)
        #expect(slots.trendSlices(ofWindow: 0).map(\.slice) == [2])
    }

    @Test("a slice keeps its samples' mean time within a 65,536th of its length, also after a checkpoint's sums")
    func meanTime() {
        var bucket = TrendBucket()
        for fraction in [0.1, 0.2, 0.3, 0.9] { bucket.add(fraction: fraction, value: 1) }
        #expect(abs(bucket.meanFraction - 0.375) <= 1 / 65_536)
        let length = 162_000.0
        let saved = TrendBucket(count: bucket.count, sumOffset: bucket.sumOffset(sliceLength: length), sumValue: bucket.sumValue, sliceLength: length)
        #expect(saved == bucket)
    }

    @Test("a slice stops taking samples at its count's limit, so its mean stays that of the samples it took")
    func countLimit() {
        var bucket = TrendBucket(count: TrendBucket.countLimit - 1, sumValue: Float(TrendBucket.countLimit - 1))
        bucket.add(fraction: 0, value: 1)
        bucket.add(fraction: 0, value: 1_000)
        #expect(bucket.count == TrendBucket.countLimit)
        #expect(bucket.sumValue / Float(bucket.count) == 1)
        let restored = TrendBucket(count: 3 * TrendBucket.countLimit, sumValue: Float(6 * TrendBucket.countLimit))
        #expect(restored.count == TrendBucket.countLimit && restored.sumValue / Float(restored.count) == 2, "more samples keep their mean")
    }

    @Test("a rate window slid over a hundred slices holds its 17 in exactly their room, in the device's allocation")
    func extrema() {
        let window = ExtremaWindow(window: 16 * 3600, slices: 16)
        var slots = DeviceSlots(metrics: 1, gaps: 0, levels: 2, rates: 2, trendWindows: 0)
        for hour in 0 ..< 100 {
            window.add(Double(hour), at: 1_767_225_600 + Double(hour) * 3600 + 1800, rule: 1, to: &slots)
            window.add(-Double(hour), at: 1_767_225_600 + Double(hour) * 3600 + 1900, rule: 1, to: &slots)
        }
        window.add(7, at: 1_767_225_600, rule: 0, to: &slots)
        #expect(slots.extrema(ofRule: 1).count == 17 && slots.extrema(ofRule: 0).count == 1)
        #expect(slots.extremaRoom == 18)
        #expect(slots.extrema(ofRule: 1).allSatisfy { $0.high == -$0.low }, "a slice's second sample widens it in place")
        let extremes = window.extremes(of: slots.extrema(ofRule: 1), at: 1_767_225_600 + 99 * 3600 + 1800)
        #expect(extremes?.low == -99 && extremes?.high == 99)
        #expect(window.extremes(of: slots.extrema(ofRule: 0), at: 1_767_225_600)?.low == 7)
    }
}
