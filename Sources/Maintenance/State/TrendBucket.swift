/// Samples of one slice of a trend window, reduced to sums: the least-squares fit needs no more.
struct TrendBucket: Sendable, Hashable, Codable {
    /// Seconds since 1970 at the slice's start (slices are aligned to the epoch, so replay and live agree).
    var start: Double
    var count: Double = 0
    /// Sum of sample times relative to `start`, kept small for precision.
    var sumOffset: Double = 0
    var sumValue: Double = 0
}
