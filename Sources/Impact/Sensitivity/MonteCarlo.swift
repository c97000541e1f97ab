import FleetModel

/// Samples every factor that has a low/high range, and every policy life that has a
/// `life_range`, from a triangular distribution (low, stated value, high), and reports the spread
/// of each delta. The generator is seeded, so the same seed gives the same result.
public struct MonteCarlo: Sendable {
    public static let distribution = "triangular(low, value, high) for every factor with a range and every policy life with life_range; others fixed"

    public let runs: Int
    public let seed: UInt64

    public init(runs: Int, seed: UInt64) {
        self.runs = max(runs, 1)
        self.seed = seed
    }

    public func run(_ input: ScreeningInput, scenarios: [String] = []) -> MonteCarloResult {
        var generator = SplitMix64(seed: seed)
        var samples: [String: [String: [Double]]] = [:]
        for _ in 0..<runs {
            let assessment = Screening(input: sample(input, with: &generator)).assess(scenarios: scenarios)
            for scenario in assessment.scenarios {
                let comparison = scenario.perFunctionalUnit
                for result in comparison.categories {
                    if let delta = result.delta { samples[scenario.scenario, default: [:]]["total/\(result.category)", default: []].append(delta) }
                }
                for contribution in comparison.contributions {
                    for (category, delta) in contribution.delta.values {
                        samples[scenario.scenario, default: [:]]["\(contribution.term)/\(category)", default: []].append(delta)
                    }
                }
            }
        }
        let names = Screening(input: input).assess(scenarios: scenarios).scenarios.map(\.scenario)
        return MonteCarloResult(runs: runs, seed: seed, distribution: Self.distribution, scenarios: names.map { name in
            let series = samples[name] ?? [:]
            var categories: [String: Percentiles] = [:]
            var contributions: [String: [String: Percentiles]] = [:]
            for (key, values) in series {
                let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                if parts[0] == "total" { categories[parts[1]] = Percentiles(values) } else { contributions[parts[0], default: [:]][parts[1]] = Percentiles(values) }
            }
            return MonteCarloScenario(scenario: name, categories: categories, contributions: contributions)
        })
    }

    /// One draw, in a fixed order (factors sorted by item and category, then policies), so the
    /// same seed gives the same draws.
    func sample(_ input: ScreeningInput, with generator: inout SplitMix64) -> ScreeningInput {
        var input = input
        let factors = input.factors.allFactors.map { factor -> Factor in
            guard let low = factor.low, let high = factor.high else { return factor }
            var sampled = factor
            sampled.value = generator.triangular(low: low, mode: factor.value, high: high)
            return sampled
        }
        input.factors = FactorTable(categories: input.factors.categories, factors: factors)
        func sampleLife(_ policy: Policy) -> Policy {
            guard let range = policy.lifeRange, let low = range.low.value(in: .year), let high = range.high.value(in: .year) else { return policy }
            var policy = policy
            policy.life = Quantity(generator.triangular(low: low, mode: policy.years, high: high), .year)
            return policy
        }
        input.profile.baseline = sampleLife(input.profile.baseline)
        input.profile.scenarios = input.profile.scenarios.map(sampleLife)
        return input
    }
}
