import FleetModel
import Foundation
import Testing

/// One test per class of invalid profile: each checks the exact message, with file, line and field.
@Suite("Invalid profiles")
struct InvalidProfileTests {
    let factors: FactorTable

    init() throws {
        factors = try RepositoryFiles.factorTable()
    }

    /// The issues of the fixture with one change.
    private func issues(breaking original: String, with replacement: String) -> (issues: [String], line: Int) {
        let broken = ProfileFixture.breaking(original, with: replacement)
        do {
            _ = try ProfileLoader.profile(yaml: broken.yaml, file: ProfileFixture.file, factors: factors)
            return ([], broken.line)
        } catch {
            return (error.issues.map(\.description), broken.line)
        }
    }

    @Test("the fixture itself is valid")
    func fixtureIsValid() throws {
        let profile = try ProfileLoader.profile(yaml: ProfileFixture.yaml, file: ProfileFixture.file, factors: factors)
        #expect(profile.kind == "vending-machine")
    }

    @Test("unknown material")
    func unknownMaterial() {
        let result = issues(breaking: "{steel: 80 kg, glass: 10 kg}", with: "{stele: 80 kg, glass: 10 kg}")
        #expect(result.issues == ["vending.yaml:\(result.line): components.cabinet.materials.stele: unknown material 'stele'; expected one of: steel, glass"])
    }

    @Test("more metrics than a device's trend slices can name")
    func tooManyMetrics() {
        let extra = (0 ..< TelemetrySchema.metricLimit).map { "    m\($0): {type: gauge, unit: degC}" }.joined(separator: "\n")
        let result = issues(breaking: "    door_openings: {type: counter, unit: count}", with: "    door_openings: {type: counter, unit: count}\n" + extra)
        #expect(result.issues == ["vending.yaml:\(result.line - 1): telemetry.metrics: expected at most 256 metrics, got 258"])
    }

    @Test("more rules than a device counts in a byte")
    func tooManyRules() {
        let extra = (0 ..< DeviceProfile.ruleLimit).map { "  warm\($0): {metric: cabinet_temperature, kind: threshold, direction: above, alert: 8 degC, action: {resolution: remote}, source: guess}" }
        let result = issues(breaking: "rules:\n", with: "rules:\n" + extra.joined(separator: "\n") + "\n")
        #expect(result.issues == ["vending.yaml:\(result.line): rules: expected at most 255 rules, got 256"])
    }

    @Test("unit mismatch")
    func unitMismatch() {
        let result = issues(breaking: "life: 10 years", with: "life: 10 kg")
        #expect(result.issues == ["vending.yaml:\(result.line): baseline.life: unit mismatch: expected a duration (s, min, hours, days), got kg (mass)"])
    }

    @Test("a bare number is not a quantity")
    func bareNumber() {
        let result = issues(breaking: "distance: 20 km", with: "distance: 20")
        #expect(result.issues == ["vending.yaml:\(result.line): trips.visit.distance: expected a distance (km, m, mm) written as \"<number> <unit>\", got '20'"])
    }

    @Test("kit contents that do not add up")
    func kitMass() {
        let result = issues(breaking: "mass: 1 kg", with: "mass: 1.5 kg")
        #expect(result.issues == ["vending.yaml:\(result.line): kits.spirals.mass: kit contents do not add up: parts weigh 1.0 kg, kit states 1.5 kg; expected equal within 1 %"])
    }

    @Test("no factor for a material in use")
    func missingFactor() {
        let result = issues(breaking: "glass: {class: glass, factor: glass}", with: "glass: {class: glass, factor: float-glass}")
        #expect(result.issues == ["vending.yaml:\(result.line): materials.glass.factor: no factor for material 'glass' (factor item 'float-glass') in climate-change; expected a row 'float-glass,climate-change,...' in the factor table"])
    }

    @Test("a factor per the wrong unit")
    func factorUnitMismatch() {
        let result = issues(breaking: "vehicle: van-diesel", with: "vehicle: steel")
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.hasPrefix("vending.yaml:\(result.line): trips.visit.vehicle: unit mismatch: factor 'steel' is per kg (open-lca.csv:") == true)
    }

    @Test("a rule naming an unknown metric")
    func unknownMetric() {
        let result = issues(breaking: "metric: cabinet_temperature", with: "metric: cabinet_temp")
        #expect(result.issues == ["vending.yaml:\(result.line): rules.warm.metric: unknown metric 'cabinet_temp'; expected one of: door_openings, cabinet_temperature"])
    }

    @Test("a rule limit in the wrong unit")
    func ruleUnit() {
        let result = issues(breaking: "alert: 8 degC", with: "alert: 8 bar")
        #expect(result.issues == ["vending.yaml:\(result.line): rules.warm.alert: unit mismatch: metric 'cabinet_temperature' is in degC (temperature), got 8 bar"])
    }

    @Test("a scenario referencing an unknown kit")
    func unknownKit() {
        let result = issues(breaking: "kits: {spirals: 1}", with: "kits: {spiral-set: 1}")
        #expect(result.issues == ["vending.yaml:\(result.line): scenarios.smart.kits.spiral-set: unknown kit 'spiral-set'; expected one of: spirals"])
    }

    @Test("a misspelt field")
    func misspeltField() {
        let result = issues(breaking: "source: guess}\nparts:", with: "source: guess, sharedby: 2}\nparts:")
        #expect(result.issues == ["vending.yaml:\(result.line): components.cabinet.sharedby: unknown field; expected one of: description, materials, life, source"])
    }

    @Test("an unknown source")
    func unknownSource() {
        let result = issues(breaking: "vehicle: van-diesel, source: guess}", with: "vehicle: van-diesel, source: hunch}")
        #expect(result.issues == ["vending.yaml:\(result.line): trips.visit.source: unknown source 'hunch'; expected one of: guess"])
    }

    @Test("YAML syntax errors name their line")
    func syntax() {
        let result = issues(breaking: "kits: {spirals: 2}", with: "kits: {spirals: 2")
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.hasPrefix("vending.yaml:") == true && result.issues.first?.contains("not valid YAML") == true)
    }

    @Test("all cross-reference issues of a file are reported at once")
    func collectsAllChecks() throws {
        let yaml = broken([("{steel: 80 kg, glass: 10 kg}", "{stele: 80 kg, glass: 10 kg}"), ("mass: 1 kg", "mass: 1.5 kg"),
                           ("metric: cabinet_temperature", "metric: cabinet_temp"), ("kits: {spirals: 1}", "kits: {spiral-set: 1}")])
        let failure = #expect(throws: ValidationFailure.self) {
            try ProfileLoader.profile(yaml: yaml, file: ProfileFixture.file, factors: factors)
        }
        #expect(failure?.issues.map(\.field) == ["components.cabinet.materials.stele", "kits.spirals.mass", "scenarios.smart.kits.spiral-set", "rules.warm.metric"])
    }

    /// Cross-reference checks need a profile that reads; reading itself reports every malformed field.
    @Test("all reading issues of a file are reported at once")
    func collectsAllReading() throws {
        let yaml = broken([("life: 10 years", "life: 10 kg"), ("distance: 20 km", "distance: 20"), ("type: gauge", "type: level")])
        let failure = #expect(throws: ValidationFailure.self) {
            try ProfileLoader.profile(yaml: yaml, file: ProfileFixture.file, factors: factors)
        }
        #expect(failure?.issues.map(\.field) == ["telemetry.metrics.cabinet_temperature.type", "trips.visit.distance", "baseline.life"])
    }

    private func broken(_ changes: [(String, String)]) -> String {
        changes.reduce(ProfileFixture.yaml) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
    }
}

private extension Error {
    var issues: [ValidationIssue] { (self as? ValidationFailure)?.issues ?? [] }
}
