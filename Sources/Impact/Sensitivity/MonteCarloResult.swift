/// `--monte-carlo N --seed S`: percentiles of every delta over N sampled factor sets.
public struct MonteCarloResult: Sendable, Hashable, Codable {
    public var runs: Int
    public var seed: UInt64
    public var distribution: String
    public var scenarios: [MonteCarloScenario]
}
