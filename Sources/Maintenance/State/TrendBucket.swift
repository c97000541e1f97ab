/// Samples of one slice of a trend window, reduced to what the least-squares fit needs: their
/// count, their mean time into the slice and the sum of their values. Eight bytes, because a
/// device keeps up to `EngineSettings.buckets` of them for every trended metric and they are most
/// of its memory: the mean time is kept in 65,536ths of the slice (2.5 s of a 30-day window's
/// 1.9-day slice, far finer than any trend a rule fits), a single-precision sum holds the mean
/// value to about seven digits, and a window keeps its slices in place, one after another from
/// its first slice's number (which the device keeps once for the window), so a slice needs no number of its own: a slice with no
/// samples is an empty place between two that have some. `TrendSlice` is the same slice with its
/// number, as the fit and a checkpoint record read it. A device keeps a bucket as two cells of
/// four bytes (`grid` and the sum's bits), so that windows fed by the same samples keep one grid
/// cell between them (`DeviceSlots`).
struct TrendBucket: Sendable, Hashable {
    /// The most samples a slice takes: a 1.9-day slice of a metric sent every 2.5 s would reach
    /// it. Its mean is then that of its first samples; the later ones are left out.
    static let countLimit = UInt32(UInt16.max)
    /// The most places a window holds: its count of them is a byte.
    static let windowLimit = 255
    /// A place in a window that no sample fell into.
    static let empty = TrendBucket()

    private static let fractionScale = 65_536.0

    private var samples: UInt16 = 0
    /// The samples' mean time into the slice, in 65,536ths of its length.
    private var meanFractionScaled: UInt16 = 0
    private(set) var sumValue: Float = 0

    /// `count` samples whose mean time is `meanFraction` of the slice into it; more than
    /// `countLimit` keep their mean value in `countLimit`.
    init(count: UInt32 = 0, meanFraction: Double = 0, sumValue: Float = 0) {
        let kept = min(count, Self.countLimit)
        samples = UInt16(kept)
        meanFractionScaled = Self.quantized(meanFraction * Self.fractionScale)
        self.sumValue = kept == count ? sumValue : sumValue / Float(count) * Float(kept)
    }

    /// The bucket of a slice saved as sums: `sumOffset` seconds into a slice `sliceLength` long.
    init(count: UInt32, sumOffset: Float, sumValue: Float, sliceLength: Double) {
        self.init(count: count, meanFraction: count == 0 ? 0 : Double(sumOffset) / Double(count) / sliceLength, sumValue: sumValue)
    }

    /// The bucket of a grid cell (`grid`) and a sum.
    init(grid: UInt32, sum: Float) {
        samples = UInt16(truncatingIfNeeded: grid)
        meanFractionScaled = UInt16(truncatingIfNeeded: grid >> 16)
        sumValue = sum
    }

    /// The samples' count and mean time in four bytes: what windows fed by the same samples share.
    var grid: UInt32 { UInt32(samples) | UInt32(meanFractionScaled) << 16 }

    var count: UInt32 { UInt32(samples) }

    /// The samples' mean time into the slice, as a fraction of its length.
    var meanFraction: Double { Double(meanFractionScaled) / Self.fractionScale }

    /// The sum of the samples' times into a slice `sliceLength` long, as a checkpoint saves it.
    func sumOffset(sliceLength: Double) -> Float { Float(Double(count) * meanFraction * sliceLength) }

    /// Adds a sample `fraction` of the slice into it.
    mutating func add(fraction: Double, value: Double) {
        if addSample(fraction: fraction) { sumValue += Float(value) }
    }

    /// Counts a sample `fraction` of the slice into it, its value left to the caller; false when
    /// the slice takes no more (`countLimit`).
    mutating func addSample(fraction: Double) -> Bool {
        guard count < Self.countLimit else { return false }
        samples += 1
        let mean = Double(meanFractionScaled)
        meanFractionScaled = Self.quantized(mean + (fraction * Self.fractionScale - mean) / Double(samples))
        return true
    }

    /// The nearest 65,536th of a slice within it.
    private static func quantized(_ scaled: Double) -> UInt16 {
        UInt16(min(max(scaled.rounded(), 0), fractionScale - 1))
    }
}
