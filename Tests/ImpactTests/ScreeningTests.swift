import FleetModel
import Impact
import Testing

@Suite struct ScreeningTests {
    @Test(arguments: ["boiler", "ebike-battery", "speedgate", "facade", "underground-container"])
    func identicalSidesGiveExactlyZero(kind: String) throws {
        let (profile, factors) = try Fixtures.profile(kind)
        let screening = Screening(input: ScreeningInput(profile: profile, factors: factors))
        for policy in profile.policies {
            let side = screening.side(policy)
            let comparison = Comparison(baseline: side, case: side, categories: factors.categories)
            for result in comparison.categories where result.coverage != .none {
                #expect(result.delta == 0, "\(kind) \(policy.id) \(result.category)")
                #expect(result.relative == 0)
                #expect(result.euros == nil || result.euros == 0)
            }
            for term in comparison.terms { #expect(term.delta.values.values.allSatisfy { $0 == 0 }) }
            #expect(comparison.singleScore.euros == 0)
            #expect(comparison.rose.rings.allSatisfy { $0.colour == .neutral || $0.colour == .noData })
        }
    }

    @Test func baselineOnlyChangeMovesOnlyItsTerm() throws {
        var (profile, factors) = try Fixtures.profile("boiler")
        let scenario = try #require(profile.scenario("scenario-1"))
        let before = Screening(input: ScreeningInput(profile: profile, factors: factors)).perFunctionalUnit(scenario)
        profile.baseline.unplannedVisits += 5
        let after = Screening(input: ScreeningInput(profile: profile, factors: factors)).perFunctionalUnit(scenario)
        #expect(after.case == before.case)
        for group in [TermGroup.parts, .lifetime, .ict] {
            #expect(after.delta(of: group, in: FactorTable.climateChange) == before.delta(of: group, in: FactorTable.climateChange))
        }
        let extraKilometres = 5 * (60.0 / 6) / 15
        let trips = after.delta(of: .trips, in: FactorTable.climateChange) - before.delta(of: .trips, in: FactorTable.climateChange)
        let van = try #require(factors.factor("van-diesel", FactorTable.climateChange)?.value)
        #expect(abs(trips - (-extraKilometres * van)) < 1e-9)
    }

    @Test func longerLifeLowersProductionPerUnitByTheRatioOfLives() throws {
        var (profile, factors) = try Fixtures.profile("speedgate")
        let screening = { (profile: DeviceProfile) in Screening(input: ScreeningInput(profile: profile, factors: factors)) }
        profile.baseline.life = Quantity(10, .year)
        let short = try #require(screening(profile).side(profile.baseline).impacts[.production][FactorTable.climateChange])
        profile.baseline.life = Quantity(25, .year)
        let long = try #require(screening(profile).side(profile.baseline).impacts[.production][FactorTable.climateChange])
        #expect(abs(long / short - 10.0 / 25.0) < 1e-12)
    }

    @Test func refurbishmentUsesTheProfilesReplacementShares() throws {
        let (profile, factors) = try Fixtures.profile("facade")
        let scenario = try #require(profile.scenario("service-contract"))
        let renovation = Screening(input: ScreeningInput(profile: profile, factors: factors)).side(scenario).inventory.lifetime.renovationKilograms
        let expected = ["glass": 112 * 0.8, "aluminium": 45 * 0.05, "steel": 6.5 * 0.05, "polyamide": 4.5 * 1.0, "epdm": 3 * 1.0]
        for (material, kilograms) in expected {
            #expect(abs((renovation[material] ?? 0) * 60 - kilograms) < 1e-9, "\(material)")
        }
    }

    @Test func ictOverheadGrowsLinearlyWithBytes() throws {
        let library = try Fixtures.library()
        let model = LedgerModel(library: library)
        func dataImpact(bytes: Int) throws -> Double {
            var ledger = ImpactLedger()
            ledger.commission(device: "b1", kind: "boiler", at: Fixtures.start)
            ledger.receive(bytes: bytes, device: DeviceIdentity(kind: "boiler", id: "b1"), at: Fixtures.years(1))
            let device = try #require(ledger.device(DeviceIdentity(kind: "boiler", id: "b1")))
            let report = try #require(model.report(device))
            return report.realised.case.impacts[.ictData][FactorTable.climateChange] ?? 0
        }
        let unit = try dataImpact(bytes: 1_000_000_000)
        #expect(try dataImpact(bytes: 0) == 0)
        let grid = try #require(library.factors.factor("electricity-nl", FactorTable.climateChange)?.value)
        let transmission = try #require(library.factors.factor("data-transmission", FactorTable.technical)?.value)
        #expect(abs(unit - transmission * grid) < 1e-12)
        for multiple in [2, 5, 10] {
            #expect(abs(try dataImpact(bytes: multiple * 1_000_000_000) - Double(multiple) * unit) < 1e-12)
        }
    }

    @Test func sweepFindsTheBreakEvenOfTheICTScale() throws {
        let (profile, factors) = try Fixtures.profile("boiler")
        let input = ScreeningInput(profile: profile, factors: factors)
        let sweep = try Sweep(parsing: "ict.scale=0:100000:11").run(input, scenarios: ["scenario-1"])
        let even = try #require(sweep.breakEvens.first { $0.category == FactorTable.climateChange })
        let crossing = try #require(even.crossings.first)
        let at = Screening(input: try ParameterPath("ict.scale").applying(crossing, to: input))
            .perFunctionalUnit(try #require(profile.scenario("scenario-1")))
        #expect(abs(try #require(at.category(FactorTable.climateChange)?.delta)) < 1e-9)
        #expect(throws: ParameterError.self) { try Sweep(parsing: "no.such=1:2:3").run(input) }
    }

    @Test func scopeRelativeCountsOnlyTheTermsThatDiffer() throws {
        let (profile, factors) = try Fixtures.profile("boiler")
        let scenario = try #require(profile.scenario("scenario-1"))
        let comparison = Screening(input: ScreeningInput(profile: profile, factors: factors)).perFunctionalUnit(scenario)
        let climate = try #require(comparison.category(FactorTable.climateChange))
        // The boiler's life is the same on both sides, so its production cancels out of the scope.
        let base = comparison.baseline.impacts
        let production = try #require(base[.production][FactorTable.climateChange])
        #expect(production > 0)
        let scope = try #require(climate.scopeBaseline)
        #expect(abs(scope - (try #require(climate.baseline)) + production) < 1e-9)
        #expect(abs((try #require(climate.scopeRelative)) - (try #require(climate.delta)) / scope) < 1e-12)
        #expect(abs(try #require(climate.scopeRelative)) > abs(try #require(climate.relative)))
    }

    @Test func roseIndicatorIsTheRelativeChangeOfItsShadowPricedSum() throws {
        func category(_ id: String, price: Double?) -> ImpactCategory {
            ImpactCategory(id: id, name: id, unit: "kg", theme: .peopleAndEnvironment, indicator: "air", euroPerUnit: price)
        }
        let priced = [category("a", price: 10), category("b", price: 1)]
        let baseline = ImpactVector(values: ["a": 1, "b": 100], missing: [])
        let smart = ImpactVector(values: ["a": 0.5, "b": 100], missing: [])
        let results = Dictionary(uniqueKeysWithValues: priced.map { ($0.id, CategoryResult(category: $0, baseline: baseline, case: smart)) })
        // a: -50 % on 10 EUR, b: 0 % on 100 EUR: the priced sum goes from 110 to 105 EUR.
        let rose = Rose(categories: priced, results: priced.compactMap { results[$0.id] }, baseline: Inventory(), case: Inventory())
        let petal = try #require(rose.rings.first { $0.indicator == "air" })
        #expect(petal.weighting == "shadow-priced")
        #expect(abs(try #require(petal.relative) - (-5.0 / 110)) < 1e-12)
        #expect(abs(try #require(petal.unweightedRelative) - (-0.25)) < 1e-12)
        let unpriced = [category("a", price: 10), category("b", price: nil)]
        let fallback = Rose(categories: unpriced, results: unpriced.map { CategoryResult(category: $0, baseline: baseline, case: smart) },
                            baseline: Inventory(), case: Inventory())
        let mean = try #require(fallback.rings.first { $0.indicator == "air" })
        #expect(mean.weighting == "unweighted mean (no price: b)")
        #expect(abs(try #require(mean.relative) - (-0.25)) < 1e-12)
    }
}
