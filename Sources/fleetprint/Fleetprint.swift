import ArgumentParser
import FleetprintRuntime

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
            RecordCommand.self,
            ReplayCommand.self,
            DashboardCommand.self,
        ]
    )
}
