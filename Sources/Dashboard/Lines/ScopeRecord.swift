import Impact

/// The fleet or one kind in a `StatusRecord`: the headline numbers, realised and projected apart.
public struct ScopeRecord: Sendable, Equatable, Codable {
    public var name: String
    public var devices: Int
    public var online: Int?
    /// Net kg CO2-eq, case minus baseline (negative: the smart case saves).
    public var co2Realised: Double?
    /// Absent while too early to judge, and on a baseline of fewer than five expected events.
    public var co2RealisedRelative: Double?
    /// p5 and p95 of `co2Realised`, from the randomness of the baseline's service events.
    public var co2RealisedRange: [Double]?
    /// `judged`, `too-early` (show no result yet) or `no-data`.
    public var realisedVerdict: String
    public var serviceYears: Double
    /// Service events the smart fleet saw, and those the baseline expects over the same time.
    public var serviceEvents: Double
    public var baselineEvents: Double
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
        let (evidence, climate) = (scope.evidence, scope.realised.climate)
        co2Realised = climate?.delta
        co2RealisedRelative = climate.flatMap(evidence.relative)
        co2RealisedRange = climate?.deltaRange.map { [$0.lowerBound, $0.upperBound] }
        realisedVerdict = climate?.delta == nil ? "no-data" : climate.map(evidence.judges) == true ? "judged" : "too-early"
        serviceYears = evidence.serviceYears
        serviceEvents = evidence.serviceEvents
        baselineEvents = evidence.baselineEvents
        co2Projected = scope.projected.climate?.delta
        co2ProjectedRelative = scope.projected.climate?.relative
        eurosRealised = scope.realised.euros
        eurosProjected = scope.projected.euros
        avoidedVisits = scope.realised.avoidedVisits
        avoidedKilometres = scope.realised.avoidedKilometres
        avoidedKilograms = scope.realised.avoidedKilograms
    }
}
