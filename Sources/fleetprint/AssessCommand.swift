import ArgumentParser
import FleetprintRuntime

extension AssessFormat: ExpressibleByArgument {}

/// `fleetprint assess <kind>`: the screening comparison of a profile's baseline and smart scenarios.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Compare a kind's baseline with its smart scenarios: per category, contributions, rose, factors.",
        discussion: """
            Deterministic screening LCA per functional unit (one device-year) and over the scenario's life, \
            without telemetry. delta = case - baseline (negative: the smart case saves).

            --sweep PARAM=FROM:TO:STEPS varies one parameter over STEPS points and reports where the net \
            benefit of each category crosses zero. PARAM is one of: \(AssessJob.parameterSyntax). \
            Units: lives and service intervals in years, collection interval in days, renovation shares in %, \
            power in W, message size in B, message interval in min, distance in km. \
            Example: --sweep factor:data-transmission=0.001:0.06:12

            --monte-carlo N --seed S samples every factor with a low/high range (and policy lives with \
            life_range) from a triangular distribution (low, value, high) and reports p5/p50/p95 of each delta.
            """
    )

    @OptionGroup var profiles: ProfileOptions

    @Argument(help: "The kind, as `fleetprint profiles list` shows it.")
    var kind: String

    @Option(help: "Only this scenario (default: every scenario of the kind).")
    var scenario: String?

    @Option(help: "table, json, csv or markdown.")
    var format: AssessFormat = .table

    @Option(help: ArgumentHelp("Vary one parameter: PARAM=FROM:TO:STEPS.", valueName: "param=from:to:steps"))
    var sweep: String?

    @Option(name: .customLong("monte-carlo"), help: ArgumentHelp("Sample factors N times.", valueName: "n"))
    var monteCarlo: Int?

    @Option(help: "Seed of the Monte Carlo generator.")
    var seed: UInt64 = 1

    @Option(name: .customLong("cpu-seconds"), help: "Fleetprint's own CPU seconds per device-year charged to the smart case.")
    var cpuSeconds: Double = 0

    func run() throws {
        guard let library = profiles.sources.loadReportingIssues() else { throw ExitCode.failure }
        let mode: AssessJob.Mode = if let sweep { .sweep(sweep) } else if let monteCarlo { .monteCarlo(runs: monteCarlo, seed: seed) } else { .assess }
        do {
            print(try AssessJob(kind: kind, scenario: scenario, format: format, mode: mode, cpuSecondsPerDeviceYear: cpuSeconds).run(with: library))
        } catch {
            throw ValidationError("\(error)")
        }
    }
}
