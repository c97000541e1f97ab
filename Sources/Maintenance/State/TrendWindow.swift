/// The shape of a bounded history for fitting a trend: the window cut into a fixed number of
/// slices of equal length. One per trended metric of a kind, in the engine; each device keeps only
/// the slices' sums (`DeviceSlots.trend`), so its memory does not grow with its sample rate.
public struct TrendWindow: Sendable, Hashable {
    let sliceLength: Double
    let slices: Int

    init(window: Double, slices: Int) {
        self.slices = max(slices, 3)
        sliceLength = max(window / Double(self.slices), 1)
    }

    func start(of bucket: TrendBucket) -> Double { Double(bucket.slice) * sliceLength }

    /// Adds a sample of metric `metric` to a device's slices (`DeviceSlots.trend`, grouped by
    /// metric); a new slice makes room for `growth` more when the room is full.
    func add(_ value: Double, at time: Double, metric: Int, to slots: inout DeviceSlots, growth: Int) {
        let slice = UInt32(clamping: Int64((time / sliceLength).rounded(.down)))
        let oldest = Int64(slice) - Int64(slices - 1)
        var mine = TrendBucket.slices(of: metric, in: slots.trend)
        // Slices are in time order: most samples land in a window with nothing to drop. Those
        // that left go before the new slice comes, so the window never holds more than `slices`.
        if let first = mine.first, Int64(slots.trend[first].slice) < oldest {
            let gone = slots.trend[mine].prefix { Int64($0.slice) < oldest }.count
            slots.removeTrend(first ..< first + gone)
            mine = first ..< mine.upperBound - gone
        }
        if mine.isEmpty || slots.trend[mine.upperBound - 1].slice != slice {
            slots.insertTrend(TrendBucket(metric: metric, slice: slice), at: mine.upperBound, growingBy: growth)
            mine = mine.lowerBound ..< mine.upperBound + 1
        }
        let last = mine.upperBound - 1
        slots.trend[last].add(offset: time - start(of: slots.trend[last]), value: value)
    }

    /// Weighted least squares over the slices' means: slope per second and the fitted level at
    /// `time`; nil until three slices hold data (two points always fit a line exactly).
    func fit(_ buckets: some BidirectionalCollection<TrendBucket>, at time: Double) -> (slope: Double, level: Double)? {
        guard buckets.count >= 3, let last = buckets.last else { return nil }
        let origin = start(of: last)
        var (weight, sumX, sumY) = (0.0, 0.0, 0.0)
        for bucket in buckets {
            let count = Double(bucket.count)
            weight += count
            sumX += (start(of: bucket) - origin) * count + Double(bucket.sumOffset)
            sumY += Double(bucket.sumValue)
        }
        let (meanX, meanY) = (sumX / weight, sumY / weight)
        var (sxy, sxx) = (0.0, 0.0)
        for bucket in buckets {
            let count = Double(bucket.count)
            let dx = start(of: bucket) - origin + Double(bucket.sumOffset) / count - meanX
            sxy += count * dx * (Double(bucket.sumValue) / count - meanY)
            sxx += count * dx * dx
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (slope, meanY + slope * (time - origin - meanX))
    }
}
