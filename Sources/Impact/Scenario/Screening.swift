import FleetModel

/// The screening comparison of a profile's baseline and smart scenarios, without telemetry.
public struct Screening: Sendable {
    public let input: ScreeningInput

    public init(input: ScreeningInput) {
        self.input = input
    }

    /// Baseline against `scenario`, per device-year.
    public func perFunctionalUnit(_ scenario: Policy) -> Comparison {
        Comparison(baseline: side(input.profile.baseline), case: side(scenario), categories: input.factors.categories)
    }

    /// One side per device-year; the ICT scale applies to smart policies only.
    public func side(_ policy: Policy) -> Side {
        let isBaseline = policy.id == Policy.baselineName
        let inventory = PolicyInventory(profile: input.profile, policy: policy)
            .inventory(ictScale: isBaseline ? 1 : input.ictScale, cpuSecondsPerYear: input.cpuSecondsPerDeviceYear)
        return Side(inventory: inventory, characterizer: input.characterizer)
    }

    /// Every scenario (or the named ones), per functional unit and over the scenario's life.
    public func assess(scenarios names: [String] = []) -> Assessment {
        let profile = input.profile
        let chosen = names.isEmpty ? profile.scenarios : profile.scenarios.filter { names.contains($0.id) }
        let results = chosen.map { scenario in
            let baseline = side(profile.baseline)
            let smart = side(scenario)
            let life = scenario.years
            return ScenarioAssessment(
                scenario: scenario.id, description: scenario.description, baselineLifeYears: profile.baseline.years, lifeYears: life,
                perFunctionalUnit: Comparison(baseline: baseline, case: smart, categories: input.factors.categories),
                wholeLife: Comparison(baseline: scaled(baseline, by: life), case: scaled(smart, by: life), categories: input.factors.categories))
        }
        let totals = results.flatMap { [$0.perFunctionalUnit.baseline.impacts.total, $0.perFunctionalUnit.case.impacts.total] }
        let numeric = input.factors.categories.filter { !$0.isQualitative }.map(\.id)
        let withData = numeric.filter { id in totals.contains { $0.hasData(id) } }
        let partial = withData.filter { id in totals.contains { $0.missing.contains(id) } }
        return Assessment(kind: profile.kind, functionalUnit: profile.functionalUnit, method: input.factors.method, priceSet: input.factors.priceSet,
                          prices: input.factors.categories.filter { !$0.isQualitative }.map(CategoryPrice.init), convention: Assessment.convention,
                          cpuSecondsPerDeviceYear: input.cpuSecondsPerDeviceYear, ictScale: input.ictScale, scenarios: results,
                          categoriesComplete: withData.filter { !partial.contains($0) }, categoriesPartial: partial,
                          categoriesWithoutData: numeric.filter { !withData.contains($0) }, factors: factorsUsed(by: [profile.baseline] + chosen))
    }

    /// A side over `years` device-years: flows scaled, impacts re-characterised from them.
    private func scaled(_ side: Side, by years: Double) -> Side {
        Side(inventory: side.inventory.scaled(by: years), characterizer: input.characterizer)
    }

    /// Factors of every item the policies' flows touch, plus the ICT coefficients.
    public func factorsUsed(by policies: [Policy]) -> [FactorUse] {
        let inventories = policies.map { side($0).inventory }
        var items = Set([input.profile.electricity, Characterizer.dataTransmission, Characterizer.serverPower, Characterizer.powerUsageEffectiveness])
        for inventory in inventories {
            let materials = Set(inventory.parts.kilograms.keys).union(inventory.lifetime.productionKilograms.keys).union(inventory.lifetime.renovationKilograms.keys)
            items.formUnion(materials.map { input.profile.material($0)?.factor ?? $0 })
            items.formUnion(inventory.trips.kilometres.keys)
            items.formUnion(inventory.lifetime.renovationKilometres.keys)
            items.formUnion(inventory.ict.embodied.keys)
        }
        return items.sorted().flatMap { input.factors.factors(for: $0) }.map(FactorUse.init)
    }
}
