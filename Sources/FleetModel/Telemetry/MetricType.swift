/// How a metric behaves over time, which decides how rules and the simulator treat it.
public enum MetricType: String, Sendable, Hashable, CaseIterable {
    /// A level that goes up and down (temperature, pressure).
    case gauge
    /// A running total that only grows, reset only by replacement (burner hours, cycles).
    case counter
    /// Something that happened (a collision); value 1 per occurrence.
    case event
    /// One of a fixed set of labels (an error code).
    case `enum`
}
