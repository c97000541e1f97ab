import ArgumentParser
import FleetprintRuntime

struct ProfilesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "A readable summary of one device kind: telemetry, kits, policies, rules, ICT, factors, sources."
    )

    @OptionGroup var profiles: ProfileOptions

    @Argument(help: "The kind, as `fleetprint profiles list` shows it.")
    var kind: String

    func run() throws {
        guard let library = profiles.sources.loadReportingIssues() else { throw ExitCode.failure }
        guard let profile = library.profile(kind) else {
            throw ValidationError("no kind '\(kind)'; known kinds: \(library.kinds.joined(separator: ", "))")
        }
        print(ProfileSummary(library: library).show(profile))
    }
}
