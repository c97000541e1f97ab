/// The shape of a bounded history for fitting a trend: the window cut into a fixed number of
/// slices of equal length. One per trended metric of a kind, in the engine; each device keeps only
/// the slices' sums (`MetricState.trend`), so its memory does not grow with its sample rate.
public struct TrendWindow: Sendable, Hashable {
    let sliceLength: Double
    let slices: Int

    init(window: Double, slices: Int) {
        self.slices = max(slices, 3)
        sliceLength = max(window / Double(self.slices), 1)
    }

    func start(of bucket: TrendBucket) -> Double { Double(bucket.slice) * sliceLength }

    func add(_ value: Double, at time: Double, to buckets: inout [TrendBucket]) {
        let slice = UInt32(clamping: Int64((time / sliceLength).rounded(.down)))
        let oldest = Int64(slice) - Int64(slices - 1)
        // Slices are in time order: most samples land in a window with nothing to drop. Those
        // that left go before the new slice comes, so the window never holds more than `slices`.
        if let first = buckets.first, Int64(first.slice) < oldest { buckets.removeAll { Int64($0.slice) < oldest } }
        if buckets.last?.slice != slice { buckets.append(TrendBucket(slice: slice), boundedBy: slices) }
        buckets[buckets.count - 1].count += 1
        buckets[buckets.count - 1].sumOffset += Float(time - start(of: buckets[buckets.count - 1]))
        buckets[buckets.count - 1].sumValue += Float(value)
    }

    /// Weighted least squares over the slices' means: slope per second and the fitted level at
    /// `time`; nil until three slices hold data (two points always fit a line exactly).
    func fit(_ buckets: [TrendBucket], at time: Double) -> (slope: Double, level: Double)? {
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
