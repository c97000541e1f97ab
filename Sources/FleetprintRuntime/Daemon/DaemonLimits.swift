import FleetModel

/// Bounds on what the daemon accepts; anything beyond them is dead-lettered with its reason.
public struct DaemonLimits: Sendable, Equatable, Codable {
    public var maxPayload = Quantity(64, .kilobyte)
    /// How far a reading's timestamp may run ahead of the fleet's event time.
    public var maxFutureSkew = Quantity(1, .hour)
    /// How far behind the fleet's event time a reading may be and still count (late data).
    public var maxAge = Quantity(30, .day)
    /// Devices per kind; a new device beyond it is dead-lettered `device-limit`.
    public var maxDevicesPerKind = 250_000
    /// New devices (all kinds) per minute of event time; beyond it: `device-limit`.
    public var maxNewDevicesPerMinute = 10_000
    /// Longest device id in bytes; longer ones, or ones with other characters than letters,
    /// digits, `.`, `_`, `-` and `:`, are dead-lettered `bad-device-id`.
    public var maxDeviceIDLength = 64

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxPayload = "max_payload"
        case maxFutureSkew = "max_future_skew"
        case maxAge = "max_age"
        case maxDevicesPerKind = "max_devices_per_kind"
        case maxNewDevicesPerMinute = "max_new_devices_per_minute"
        case maxDeviceIDLength = "max_device_id_length"
    }

    public init(from decoder: any Decoder) throws {
        let defaults = DaemonLimits()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxPayload = try container.decodeIfPresent(Quantity.self, forKey: .maxPayload) ?? defaults.maxPayload
        maxFutureSkew = try container.decodeIfPresent(Quantity.self, forKey: .maxFutureSkew) ?? defaults.maxFutureSkew
        maxAge = try container.decodeIfPresent(Quantity.self, forKey: .maxAge) ?? defaults.maxAge
        maxDevicesPerKind = try container.decodeIfPresent(Int.self, forKey: .maxDevicesPerKind) ?? defaults.maxDevicesPerKind
        maxNewDevicesPerMinute = try container.decodeIfPresent(Int.self, forKey: .maxNewDevicesPerMinute) ?? defaults.maxNewDevicesPerMinute
        maxDeviceIDLength = try container.decodeIfPresent(Int.self, forKey: .maxDeviceIDLength) ?? defaults.maxDeviceIDLength
    }
}
