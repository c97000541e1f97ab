import FleetModel

/// How Fleetprint turns its own measured CPU time into energy: a stated power per busy core and
/// the data centre's PUE (Cloud Carbon Footprint's method). The grid factor comes from the factors.
public struct ComputeAssumptions: Sendable, Equatable, Codable {
    public var wattsPerCore = Quantity(3.5, .watt)
    public var pue: Double = 1.2

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pue
        case wattsPerCore = "watts_per_core"
    }

    public init(from decoder: any Decoder) throws {
        let defaults = ComputeAssumptions()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        wattsPerCore = try container.decodeIfPresent(Quantity.self, forKey: .wattsPerCore) ?? defaults.wattsPerCore
        pue = try container.decodeIfPresent(Double.self, forKey: .pue) ?? defaults.pue
    }
}
