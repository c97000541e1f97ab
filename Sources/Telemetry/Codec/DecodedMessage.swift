import FleetModel
import Foundation

/// One accepted message: which device sent it, its event time, and one reading per metric field present.
public struct DecodedMessage: Sendable, Hashable {
    public var address: DeviceAddress
    public var time: Date
    /// In the order the fields appear in the payload, values already scaled to the metric's unit.
    public var readings: [Reading]
    /// The payload field the time came from, for the field a time check's refusal names.
    public var timestampField: String

    public init(address: DeviceAddress, time: Date, readings: [Reading], timestampField: String) {
        self.address = address
        self.time = time
        self.readings = readings
        self.timestampField = timestampField
    }
}
