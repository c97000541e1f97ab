/// A scenario's net benefit (baseline minus case, per functional unit) per category at one sweep step.
public struct SweepScenarioPoint: Sendable, Hashable, Codable {
    public var scenario: String
    public var netBenefit: [String: Double]
}
