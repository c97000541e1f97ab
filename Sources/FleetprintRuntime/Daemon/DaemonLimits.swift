import FleetModel

/// Bounds on what the daemon accepts; anything beyond them is dead-lettered with its reason.
public struct DaemonLimits: Sendable, Equatable, Codable {
    public var maxPayload = Quantity(64, .kilobyte)
    /// How far a reading's timestamp may run ahead of the fleet's event time.
    public var maxFutureSkew = Quantity(1, .hour)
    /// How far behind the fleet's event time a reading may be and still count (late data).
    public var maxAge = Quantity(30, .day)

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case maxPayload = "max_payload"
        case maxFutureSkew = "max_future_skew"
        case maxAge = "max_age"
    }

    public init(from decoder: any Decoder) throws {
        let defaults = DaemonLimits()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        maxPayload = try container.decodeIfPresent(Quantity.self, forKey: .maxPayload) ?? defaults.maxPayload
        maxFutureSkew = try container.decodeIfPresent(Quantity.self, forKey: .maxFutureSkew) ?? defaults.maxFutureSkew
        maxAge = try container.decodeIfPresent(Quantity.self, forKey: .maxAge) ?? defaults.maxAge
    }
}
