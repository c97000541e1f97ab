/// Samples of one slice of a trend window, reduced to sums: the least-squares fit needs no more.
/// 12 bytes, because a device keeps up to `EngineSettings.buckets` of them for every trended
/// metric and they were most of its memory: single-precision sums hold a slice's mean to about
/// seven digits, far finer than any limit a rule aims at, and the slice's number is kept as its
/// place after the first slice of its metric's window (`DeviceSlots.trendAnchors`), a byte, where
/// the number itself took four and the metric's index one more. `TrendSlice` is the same slice
/// with its number, as the fit and a checkpoint record read it.
struct TrendBucket: Sendable, Hashable {
    /// The most samples a slice takes (24 bits): a two-day slice of a metric sent at 100 Hz would
    /// reach it. Its mean is then that of its first samples; the later ones are left out.
    static let countLimit: UInt32 = 0xFF_FFFF
    /// The most slices a window holds: their places are 0 to 254, and its count of them is a byte.
    static let windowLimit = 255

    /// The slice's place after its window's first slice (the high byte) and the count (the low 24 bits).
    private var placeAndCount: UInt32
    /// Sum of sample times relative to the slice's start, kept small for precision.
    var sumOffset: Float
    var sumValue: Float

    init(place: Int, count: UInt32 = 0, sumOffset: Float = 0, sumValue: Float = 0) {
        precondition(place >= 0 && place < Self.windowLimit, "a trend slice's place out of its window")
        placeAndCount = UInt32(place) << 24 | min(count, Self.countLimit)
        self.sumOffset = sumOffset
        self.sumValue = sumValue
    }

    var place: Int { Int(placeAndCount >> 24) }

    var count: UInt32 { placeAndCount & Self.countLimit }

    /// The same sums at a place `shift` slices nearer the window's first.
    func moved(back shift: Int) -> TrendBucket {
        TrendBucket(place: place - shift, count: count, sumOffset: sumOffset, sumValue: sumValue)
    }

    mutating func add(offset: Double, value: Double) {
        guard count < Self.countLimit else { return }
        placeAndCount += 1
        sumOffset += Float(offset)
        sumValue += Float(value)
    }
}
