/// One scenario's spread of deltas (case minus baseline, per functional unit) over the runs.
public struct MonteCarloScenario: Sendable, Hashable, Codable {
    public var scenario: String
    /// Per category with data.
    public var categories: [String: Percentiles]
    /// Per contribution (parts, trips, lifetime, ict), per category with data.
    public var contributions: [String: [String: Percentiles]]
}
