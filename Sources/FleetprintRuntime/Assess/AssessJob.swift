import FleetModel
import Impact

/// What `fleetprint assess` was asked: one kind, optionally one scenario, and a plain
/// assessment, a sweep or a Monte Carlo run.
public struct AssessJob: Sendable {
    public enum Mode: Sendable {
        case assess
        case sweep(String)
        case monteCarlo(runs: Int, seed: UInt64)
    }

    /// The `--sweep` parameter syntax, for `--help`.
    public static let parameterSyntax = ParameterPath.syntax

    public var kind: String
    public var scenario: String?
    public var format: AssessFormat
    public var mode: Mode
    public var cpuSecondsPerDeviceYear: Double

    public init(kind: String, scenario: String? = nil, format: AssessFormat = .table, mode: Mode = .assess, cpuSecondsPerDeviceYear: Double = 0) {
        self.kind = kind
        self.scenario = scenario
        self.format = format
        self.mode = mode
        self.cpuSecondsPerDeviceYear = cpuSecondsPerDeviceYear
    }

    /// The report text; throws `ParameterError` for an unknown kind, scenario or parameter.
    public func run(with library: ProfileLibrary) throws -> String {
        guard let profile = library.profile(kind) else {
            throw ParameterError("no kind '\(kind)'; known kinds: \(library.kinds.joined(separator: ", "))")
        }
        if let scenario, profile.scenario(scenario) == nil {
            throw ParameterError("kind '\(kind)' has no scenario '\(scenario)'; known: \(profile.scenarios.map(\.id).joined(separator: ", "))")
        }
        let input = ScreeningInput(profile: profile, factors: library.factors, cpuSecondsPerDeviceYear: cpuSecondsPerDeviceYear)
        let scenarios = scenario.map { [$0] } ?? []
        let report = AssessReport(format: format)
        switch mode {
        case .assess: return try report.render(Screening(input: input).assess(scenarios: scenarios))
        case .sweep(let text): return try report.render(Sweep(parsing: text).run(input, scenarios: scenarios))
        case .monteCarlo(let runs, let seed): return try report.render(MonteCarlo(runs: runs, seed: seed).run(input, scenarios: scenarios))
        }
    }
}
