import Foundation

/// A metric's latest value on one device, as `DeviceDetail` lists it.
public struct DeviceReading: Sendable, Equatable, Codable {
    public var metric: String
    public var value: Double
    public var unit: String?
    public var time: Date

    public init(metric: String, value: Double, unit: String?, time: Date) {
        self.metric = metric
        self.value = value
        self.unit = unit
        self.time = time
    }
}
