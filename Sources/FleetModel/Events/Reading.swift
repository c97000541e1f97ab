import Foundation

/// One sample of one metric from one device, in the metric's unit, stamped with event time
/// (the device's timestamp, never the time it arrived).
public struct Reading: Sendable, Hashable, Codable {
    public var device: String
    public var kind: String
    public var metric: String
    public var time: Date
    public var value: ReadingValue
    /// Where `metric` is in its kind's telemetry schema, when the decoder found it there: the rule
    /// engine takes it instead of looking the name up again. Not part of the value (equality,
    /// hashing, JSON).
    public var schemaIndex: Int?

    public init(device: String, kind: String, metric: String, time: Date, value: ReadingValue, schemaIndex: Int? = nil) {
        self.device = device
        self.kind = kind
        self.metric = metric
        self.time = time
        self.value = value
        self.schemaIndex = schemaIndex
    }

    enum CodingKeys: String, CodingKey {
        case device, kind, metric, time, value
    }

    public static func == (lhs: Reading, rhs: Reading) -> Bool {
        (lhs.device, lhs.kind, lhs.metric, lhs.time, lhs.value) == (rhs.device, rhs.kind, rhs.metric, rhs.time, rhs.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        hasher.combine(kind)
        hasher.combine(metric)
        hasher.combine(time)
        hasher.combine(value)
    }
}
