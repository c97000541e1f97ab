import FleetModel

/// `--sweep PARAM=FROM:TO:STEPS`: a parameter stepped over a range, with where the net benefit
/// (baseline minus case, per functional unit) of each category crosses zero.
public struct Sweep: Sendable, Hashable {
    public let parameter: ParameterPath
    public let from: Double
    public let to: Double
    /// Number of points, ends included (at least 2).
    public let steps: Int

    public init(parameter: ParameterPath, from: Double, to: Double, steps: Int) {
        self.parameter = parameter
        self.from = from
        self.to = to
        self.steps = max(steps, 2)
    }

    /// Parses `PARAM=FROM:TO:STEPS`.
    public init(parsing text: String) throws(ParameterError) {
        let halves = text.split(separator: "=", maxSplits: 1).map(String.init)
        let numbers = halves.count == 2 ? halves[1].split(separator: ":").map { Double($0) } : []
        guard numbers.count == 3, let from = numbers[0], let to = numbers[1], let steps = numbers[2], steps >= 2, steps == steps.rounded() else {
            throw ParameterError("expected PARAM=FROM:TO:STEPS with STEPS a whole number >= 2, such as factor:data-transmission=0.001:0.06:12")
        }
        self.init(parameter: ParameterPath(halves[0]), from: from, to: to, steps: Int(steps))
    }

    public var values: [Double] {
        (0..<steps).map { from + (to - from) * Double($0) / Double(steps - 1) }
    }

    public func run(_ input: ScreeningInput, scenarios: [String] = []) throws(ParameterError) -> SweepResult {
        var points: [SweepPoint] = []
        for value in values {
            let assessment = Screening(input: try parameter.applying(value, to: input)).assess(scenarios: scenarios)
            points.append(SweepPoint(value: value, scenarios: assessment.scenarios.map { scenario in
                SweepScenarioPoint(scenario: scenario.scenario, netBenefit: scenario.perFunctionalUnit.categories.reduce(into: [:]) { benefit, result in
                    if let delta = result.delta { benefit[result.category] = -delta }
                })
            }))
        }
        return SweepResult(parameter: parameter.text, from: from, to: to, steps: steps, points: points, breakEvens: Self.breakEvens(points))
    }

    /// Per scenario and category, the parameter values where the net benefit changes sign,
    /// interpolated linearly between neighbouring points (an exact zero counts once).
    static func breakEvens(_ points: [SweepPoint]) -> [BreakEven] {
        guard let first = points.first else { return [] }
        return first.scenarios.flatMap { scenario in
            scenario.netBenefit.keys.sorted().map { category in
                let series = points.map { point in (point.value, point.scenarios.first { $0.scenario == scenario.scenario }?.netBenefit[category] ?? 0) }
                var crossings: [Double] = []
                for (a, b) in zip(series, series.dropFirst()) where (a.1 < 0 && b.1 >= 0) || (a.1 > 0 && b.1 <= 0) {
                    crossings.append(b.1 == 0 ? b.0 : a.0 + (b.0 - a.0) * a.1 / (a.1 - b.1))
                }
                return BreakEven(scenario: scenario.scenario, category: category, crossings: crossings,
                                 benefitAtStart: series.first?.1 ?? 0, benefitAtEnd: series.last?.1 ?? 0)
            }
        }
    }
}
