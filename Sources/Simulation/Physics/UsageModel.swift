/// A counter that grows with use (burner hours, cycles), compiled from a `UsageRate`.
struct UsageModel: Sendable {
    /// Index in the codec's metrics.
    let metric: Int
    /// Nominal growth per second, in the metric's unit.
    let perSecond: Double
    let spread: Double
    let seasonal: Bool
}
