/// A bounded history for fitting a trend: the window is cut into a fixed number of slices of
/// equal length, each kept as sums, so a device's memory does not grow with its sample rate.
public struct TrendWindow: Sendable, Hashable, Codable {
    let sliceLength: Double
    let slices: Int
    var buckets: [TrendBucket] = []

    init(window: Double, slices: Int) {
        self.slices = max(slices, 3)
        sliceLength = max(window / Double(self.slices), 1)
    }

    mutating func add(_ value: Double, at time: Double) {
        let start = (time / sliceLength).rounded(.down) * sliceLength
        if buckets.last?.start != start { buckets.append(TrendBucket(start: start)) }
        buckets[buckets.count - 1].count += 1
        buckets[buckets.count - 1].sumOffset += time - start
        buckets[buckets.count - 1].sumValue += value
        let oldest = start - sliceLength * Double(slices - 1)
        // Slices are in time order: most samples land in a window with nothing to drop.
        if let first = buckets.first, first.start < oldest { buckets.removeAll { $0.start < oldest } }
    }

    mutating func reset() { buckets.removeAll() }

    /// Weighted least squares over the slices' means: slope per second and the fitted level at
    /// `time`; nil until three slices hold data (two points always fit a line exactly).
    func fit(at time: Double) -> (slope: Double, level: Double)? {
        guard buckets.count >= 3, let origin = buckets.last?.start else { return nil }
        var (weight, sumX, sumY) = (0.0, 0.0, 0.0)
        for bucket in buckets {
            weight += bucket.count
            sumX += (bucket.start - origin) * bucket.count + bucket.sumOffset
            sumY += bucket.sumValue
        }
        let (meanX, meanY) = (sumX / weight, sumY / weight)
        var (sxy, sxx) = (0.0, 0.0)
        for bucket in buckets {
            let dx = bucket.start - origin + bucket.sumOffset / bucket.count - meanX
            sxy += bucket.count * dx * (bucket.sumValue / bucket.count - meanY)
            sxx += bucket.count * dx * dx
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (slope, meanY + slope * (time - origin - meanX))
    }
}
