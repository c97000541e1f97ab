/// What the engine did with a reading; everything but `accepted` is counted, never an error.
public enum ReadingDisposition: String, Sendable, Hashable, Codable {
    case accepted
    /// Older than the device's watermark: arrived out of order, ignored so results do not depend on arrival order.
    case stale
    /// Not newer than the last reading of the same metric: a redelivery.
    case duplicate
    /// A metric the profile does not declare.
    case unknownMetric = "unknown-metric"
}
