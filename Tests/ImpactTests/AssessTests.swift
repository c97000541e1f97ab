import FleetModel
import FleetprintRuntime
import Foundation
import Impact
import Testing

@Suite struct AssessTests {
    @Test func assessRunsForEveryKindScenarioAndFormat() throws {
        let library = try Fixtures.library()
        #expect(library.kinds.count == 5)
        for profile in library.profiles {
            for scenario in [nil] + profile.scenarios.map(\.id) {
                for format in AssessFormat.allCases {
                    let text = try AssessJob(kind: profile.kind, scenario: scenario, format: format).run(with: library)
                    #expect(text.contains(scenario ?? profile.scenarios[0].id), "\(profile.kind) \(format)")
                    if format == .json {
                        let assessment = try JSONDecoder().decode(Assessment.self, from: Data(text.utf8))
                        #expect(assessment.scenarios.count == (scenario == nil ? profile.scenarios.count : 1))
                    }
                }
            }
        }
    }

    @Test func sameInputsAndSeedGiveByteIdenticalJSON() throws {
        let library = try Fixtures.library()
        let run = { (mode: AssessJob.Mode) in try AssessJob(kind: "ebike-battery", format: .json, mode: mode).run(with: library) }
        #expect(try run(.assess) == run(.assess))
        let first = try run(.monteCarlo(runs: 200, seed: 42))
        #expect(try run(.monteCarlo(runs: 200, seed: 42)) == first)
        #expect(try run(.monteCarlo(runs: 200, seed: 43)) != first)
        #expect(try run(.sweep("scenario.smart.life=4:12:9")) == run(.sweep("scenario.smart.life=4:12:9")))
    }

    @Test func monteCarloPercentilesAreOrdered() throws {
        let (profile, factors) = try Fixtures.profile("speedgate")
        let result = MonteCarlo(runs: 300, seed: 7).run(ScreeningInput(profile: profile, factors: factors))
        for scenario in result.scenarios {
            let climate = try #require(scenario.categories[FactorTable.climateChange])
            #expect(climate.p5 <= climate.p50 && climate.p50 <= climate.p95)
            #expect(climate.p5 < climate.p95)
        }
    }
}
