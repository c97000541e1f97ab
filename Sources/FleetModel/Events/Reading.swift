import Foundation

/// One sample of one metric from one device, in the metric's unit, stamped with event time
/// (the device's timestamp, never the time it arrived).
public struct Reading: Sendable, Hashable, Codable {
    public var device: String
    public var kind: String
    public var metric: String
    public var time: Date
    public var value: ReadingValue

    public init(device: String, kind: String, metric: String, time: Date, value: ReadingValue) {
        self.device = device
        self.kind = kind
        self.metric = metric
        self.time = time
        self.value = value
    }
}
