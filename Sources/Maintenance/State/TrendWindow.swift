/// The shape of a bounded history for fitting a trend: the window cut into a fixed number of
/// slices of equal length. One per trended metric of a kind, in the engine; each device keeps only
/// the slices' sums (`DeviceSlots.trendSlices(ofWindow:)`), so its memory does not grow with its
/// sample rate.
public struct TrendWindow: Sendable, Hashable {
    let sliceLength: Double
    /// At least 3 (a fit needs three) and at most as many as a device's window holds.
    let slices: Int

    init(window: Double, slices: Int) {
        self.slices = min(max(slices, 3), TrendBucket.windowLimit)
        sliceLength = max(window / Double(self.slices), 1)
    }

    func start(of slice: TrendSlice) -> Double { Double(slice.slice) * sliceLength }

    /// The mean time of a slice's samples into it, in seconds.
    private func offset(of slice: TrendSlice) -> Double { slice.bucket.meanFraction * sliceLength }

    /// Adds a sample to a device's trend window `window`; a new slice makes room for `growth`
    /// more of every window when the room is full. Not `advancing`: a window sharing its grid
    /// cells took a sample at `time` already (`DeviceSlots.addTrend`).
    func add(_ value: Double, at time: Double, window: Int, to slots: inout DeviceSlots, growth: Int, advancing: Bool = true) {
        let slice = UInt32(clamping: Int64((time / sliceLength).rounded(.down)))
        // Slices are in time order: those that left go before the new slice comes, so the window
        // never holds more than `slices` places.
        if advancing && slice >= UInt32(slices) { slots.dropTrend(before: slice - UInt32(slices - 1), ofWindow: window) }
        let fraction = (time - Double(slice) * sliceLength) / sliceLength
        slots.addTrend(value, fraction: fraction, slice: slice, toWindow: window, growingBy: growth, advancing: advancing)
    }

    /// Weighted least squares over the slices' means: slope per second and the fitted level at
    /// `time`; nil until three slices hold data (two points always fit a line exactly).
    func fit(_ buckets: some BidirectionalCollection<TrendSlice>, at time: Double) -> (slope: Double, level: Double)? {
        guard buckets.count >= 3, let last = buckets.last else { return nil }
        let origin = start(of: last)
        var (weight, sumX, sumY) = (0.0, 0.0, 0.0)
        for bucket in buckets {
            let count = Double(bucket.count)
            weight += count
            sumX += (start(of: bucket) - origin + offset(of: bucket)) * count
            sumY += Double(bucket.sumValue)
        }
        let (meanX, meanY) = (sumX / weight, sumY / weight)
        var (sxy, sxx) = (0.0, 0.0)
        for bucket in buckets {
            let count = Double(bucket.count)
            let dx = start(of: bucket) - origin + offset(of: bucket) - meanX
            sxy += count * dx * (Double(bucket.sumValue) / count - meanY)
            sxx += count * dx * dx
        }
        guard sxx > 0 else { return nil }
        let slope = sxy / sxx
        return (slope, meanY + slope * (time - origin - meanX))
    }
}
