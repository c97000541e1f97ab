/// One step of a sweep: the parameter's value and each scenario's net benefit there.
public struct SweepPoint: Sendable, Hashable, Codable {
    public var value: Double
    public var scenarios: [SweepScenarioPoint]
}
