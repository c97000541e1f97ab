@testable import Maintenance
import Testing

@Suite("Windows keep no more room than their slices")
struct WindowRoomTests {
    @Test("a trend window slid over a hundred slices holds its 16 in less than twice their room")
    func trend() {
        let window = TrendWindow(window: 16 * 3600, slices: 16)
        var buckets: [TrendBucket] = []
        for hour in 0 ..< 100 { window.add(Double(hour), at: 1_767_225_600 + Double(hour) * 3600 + 60, to: &buckets) }
        #expect(buckets.count == 16)
        #expect(buckets.capacity < 32)
        #expect(window.fit(buckets, at: 1_767_225_600 + 100 * 3600).map { ($0.slope * 3600 * 1000).rounded() / 1000 } == 1)
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
