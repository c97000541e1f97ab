import ArgumentParser
import FleetprintRuntime

extension DashboardOutput: ExpressibleByArgument {}

struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Live dashboard of the daemons' impact summaries: full screen in a terminal, lines otherwise.",
        discussion: """
            Subscribes to the retained summaries on fleetprint/impact/<instance> and sums every \
            instance it sees. Keys: Tab or 1-9 switch between the fleet and each kind, arrows and \
            Enter open a device's work orders, ? explains the figures, q quits. Outside a terminal, \
            or with --plain or --json, prints one line or one NDJSON object per interval.

            Examples:
              fleetprint dashboard --broker mqtt://127.0.0.1:1883
              fleetprint dashboard --instance site-1 --json --interval 10 >> impact.ndjson
            """
    )

    @OptionGroup var broker: BrokerOptions

    @Option(help: ArgumentHelp("Instance filter: one name, or + for every instance.", valueName: "filter"))
    var instance = "+"

    @Flag(help: "One line of text per interval.")
    var plain = false

    @Flag(help: "One NDJSON object per interval.")
    var json = false

    @Option(help: "Seconds between lines, and the shortest time between two redraws.")
    var interval = 1.0

    func validate() throws {
        if plain && json { throw ValidationError("give --plain or --json, not both") }
        if interval <= 0 { throw ValidationError("--interval must be more than 0") }
    }

    func run() async throws {
        try await DashboardJob(output: json ? .json : plain ? .plain : .auto, interval: interval).run(broker: broker.settings, instances: instance)
    }
}
