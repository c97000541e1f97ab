import Impact

/// The fleet or one kind in a `StatusRecord`: the headline numbers, realised and projected apart.
public struct ScopeRecord: Sendable, Equatable, Codable {
    public var name: String
    public var devices: Int
    public var online: Int?
    /// Net kg CO2-eq, case minus baseline (negative: the smart case saves).
    public var co2Realised: Double?
    public var co2RealisedRelative: Double?
    public var co2Projected: Double?
    public var co2ProjectedRelative: Double?
    /// The single score in EUR: an internal decision aid.
    public var eurosRealised: Double
    public var eurosProjected: Double
    public var avoidedVisits: Double
    public var avoidedKilometres: Double
    /// kg by material.
    public var avoidedKilograms: [String: Double]

    public init(_ scope: ScopeFigures) {
        name = scope.name
        devices = scope.devices
        online = scope.online
        co2Realised = scope.realised.climate?.delta
        co2RealisedRelative = scope.realised.climate?.relative
        co2Projected = scope.projected.climate?.delta
        co2ProjectedRelative = scope.projected.climate?.relative
        eurosRealised = scope.realised.euros
        eurosProjected = scope.projected.euros
        avoidedVisits = scope.realised.avoidedVisits
        avoidedKilometres = scope.realised.avoidedKilometres
        avoidedKilograms = scope.realised.avoidedKilograms
    }
}
