/// One smart scenario against the baseline, per functional unit (one device-year) and over the
/// scenario's whole life (the same number of device-years delivered by the baseline).
public struct ScenarioAssessment: Sendable, Hashable, Codable {
    public var scenario: String
    public var description: String
    public var baselineLifeYears: Double
    public var lifeYears: Double
    public var perFunctionalUnit: Comparison
    public var wholeLife: Comparison
}
