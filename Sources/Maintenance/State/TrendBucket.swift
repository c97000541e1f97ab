/// Samples of one slice of a trend window, reduced to sums: the least-squares fit needs no more.
/// 16 bytes, because a device keeps up to `EngineSettings.buckets` of them for every trended
/// metric and they were most of its memory; single-precision sums hold a slice's mean to about
/// seven digits, far finer than any limit a rule aims at. A device keeps the slices of all its
/// trended metrics together (`DeviceSlots.trend`), so each slice names its metric.
struct TrendBucket: Sendable, Hashable {
    /// The most samples a slice takes (24 bits): a two-day slice of a metric sent at 100 Hz would
    /// reach it. Its mean is then that of its first samples; the later ones are left out.
    static let countLimit: UInt32 = 0xFF_FFFF

    /// The slice's number since 1970: it starts at `slice × sliceLength` (slices are aligned to
    /// the epoch, so replay and live agree).
    var slice: UInt32
    /// The metric's place in its kind's profile (the high byte) and the count (the low 24 bits).
    private var metricAndCount: UInt32
    /// Sum of sample times relative to the slice's start, kept small for precision.
    var sumOffset: Float
    var sumValue: Float

    init(metric: Int, slice: UInt32, count: UInt32 = 0, sumOffset: Float = 0, sumValue: Float = 0) {
        self.slice = slice
        metricAndCount = UInt32(truncatingIfNeeded: metric) << 24 | min(count, Self.countLimit)
        self.sumOffset = sumOffset
        self.sumValue = sumValue
    }

    var metric: Int { Int(metricAndCount >> 24) }

    var count: UInt32 { metricAndCount & Self.countLimit }

    mutating func add(offset: Double, value: Double) {
        guard count < Self.countLimit else { return }
        metricAndCount += 1
        sumOffset += Float(offset)
        sumValue += Float(value)
    }

    /// Where metric `metric`'s slices are in a device's `trend` (grouped by metric, in profile order).
    static func slices<Buckets: RandomAccessCollection<TrendBucket>>(of metric: Int, in buckets: Buckets) -> Range<Int> where Buckets.Index == Int {
        var start = buckets.startIndex
        while start < buckets.endIndex, buckets[start].metric < metric { start += 1 }
        var end = start
        while end < buckets.endIndex, buckets[end].metric == metric { end += 1 }
        return start ..< end
    }
}
