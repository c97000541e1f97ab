import ArgumentParser
import FleetprintRuntime

struct ProfilesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "One line per device kind.")

    @OptionGroup var profiles: ProfileOptions

    func run() throws {
        guard let library = profiles.sources.loadReportingIssues() else { throw ExitCode.failure }
        print(ProfileSummary(library: library).list())
    }
}
