import ArgumentParser
import FleetprintRuntime
import Foundation

/// The `fleetprint` executable: each subcommand parses its options and calls FleetprintRuntime.
@main
struct Fleetprint: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleetprint",
        abstract: "Condition-based maintenance and a live comparative screening LCA for fleets of MQTT devices.",
        discussion: """
            Fleetprint subscribes to device telemetry over MQTT, runs condition-based maintenance \
            rules, issues work orders, and keeps a running comparison of the smart-maintained fleet \
            against its conventional baseline: avoided parts and trips, lifetime deltas, and the \
            footprint of the ICT that makes it possible.

            Start with `fleetprint sub '#'` to see what a broker carries.
            """,
        version: FleetprintVersion.current,
        subcommands: [
            SubCommand.self,
            PubCommand.self,
            ProfilesCommand.self,
            AssessCommand.self,
            BrokerCommand.self,
            RunCommand.self,
            SimulateCommand.self,
            LedgerCommand.self,
            RecordCommand.self,
            ReplayCommand.self,
            DashboardCommand.self,
        ]
    )

    /// ArgumentParser's own main, except that errors are made readable first (`ReadableError`),
    /// and an error about the arguments found while running names that command's usage.
    static func main() async {
        do {
            var command = try parseAsRoot()
            do {
                if var asynchronous = command as? AsyncParsableCommand {
                    try await asynchronous.run()
                } else {
                    try command.run()
                }
            } catch let error as ValidationError {
                let type = type(of: command)
                FileHandle.standardError.write(Data("""
                    Error: \(error.message)
                    Usage: \(usageString(for: type))
                      See 'fleetprint \(type.configuration.commandName ?? "") --help' for more information.

                    """.utf8))
                Foundation.exit(ExitCode.validationFailure.rawValue)
            }
        } catch let error as CocoaError {
            exit(withError: ReadableError(error))
        } catch {
            exit(withError: error)
        }
    }
}
