/// Samples of one slice of a trend window, reduced to sums: the least-squares fit needs no more.
/// 16 bytes, because a device keeps up to `EngineSettings.buckets` of them for every trended
/// metric and they were most of its memory; single-precision sums hold a slice's mean to about
/// seven digits, far finer than any limit a rule aims at.
struct TrendBucket: Sendable, Hashable {
    /// The slice's number since 1970: it starts at `slice × sliceLength` (slices are aligned to
    /// the epoch, so replay and live agree).
    var slice: UInt32
    var count: UInt32 = 0
    /// Sum of sample times relative to the slice's start, kept small for precision.
    var sumOffset: Float = 0
    var sumValue: Float = 0
}
