@testable import Maintenance
import Testing

@Suite("Windows keep no more room than their slices")
struct WindowRoomTests {
    @Test("three metrics' trend windows in one array, slid over a hundred slices, hold 16 slices each in room for at most one more each")
    func trend() {
        let window = TrendWindow(window: 16 * 3600, slices: 16)
        let metrics = [5, 0, 2]
        var slots = DeviceSlots(metrics: 0, gaps: 0, levels: 0, memories: [])
        for hour in 0 ..< 100 {
            for m in metrics { window.add(Double((m + 1) * hour), at: 1_767_225_600 + Double(hour) * 3600 + 60, metric: m, to: &slots, growth: metrics.count) }
        }
        let buckets = slots.trend
        #expect(buckets.count == 48)
        #expect(slots.trendRoom <= 51)
        #expect(buckets.map(\.metric) == [0, 2, 5].flatMap { Array(repeating: $0, count: 16) })
        for m in metrics {
            let mine = buckets[TrendBucket.slices(of: m, in: buckets)]
            #expect(mine.map(\.slice) == Array(UInt32(490_896 + 84) ..< UInt32(490_896 + 100)))
            #expect(window.fit(mine, at: 1_767_225_600 + 100 * 3600).map { ($0.slope * 3600 * 1000).rounded() / 1000 } == Double(m + 1))
        }
    }

    @Test("a slice stops taking samples at its count's limit, so its mean stays that of the samples it took")
    func countLimit() {
        var bucket = TrendBucket(metric: 7, slice: 1, count: TrendBucket.countLimit - 1, sumOffset: 0, sumValue: Float(TrendBucket.countLimit - 1))
        bucket.add(offset: 0, value: 1)
        bucket.add(offset: 0, value: 1_000)
        #expect(bucket.count == TrendBucket.countLimit)
        #expect(bucket.metric == 7)
        #expect(bucket.sumValue / Float(bucket.count) == 1)
    }

    @Test("a rate window slid over a hundred slices holds its 17 in less than twice their room")
    func extrema() {
        let window = ExtremaWindow(window: 16 * 3600, slices: 16)
        var buckets: [ExtremaBucket] = []
        for hour in 0 ..< 100 { window.add(Double(hour), at: 1_767_225_600 + Double(hour) * 3600 + 1800, to: &buckets) }
        #expect(buckets.count == 17)
        #expect(buckets.capacity < 32)
        #expect(window.extremes(of: buckets, at: 1_767_225_600 + 99 * 3600 + 1800).map { $0.high - $0.low } == 16)
    }
}
