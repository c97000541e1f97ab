/// What the engine did with a reading; everything but `accepted` is counted, never an error.
public enum ReadingDisposition: String, Sendable, Hashable, Codable {
    case accepted
    /// Older than the last reading of the same metric: arrived out of order, ignored.
    case stale
    /// At the time of the last reading of the same metric: a redelivery.
    case duplicate
    /// A metric the profile does not declare.
    case unknownMetric = "unknown-metric"
}
