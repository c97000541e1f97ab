import ArgumentParser
import Foundation
import FleetprintRuntime

struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recorded or simulated NDJSON stream back, to a broker or offline through the daemon's pipeline.",
        discussion: """
            Examples:
              fleetprint replay capture.ndjson --speed 10                 to the broker, ten times as fast
              fleetprint replay capture.ndjson --speed max --qos 0        as fast as possible, unacknowledged
              fleetprint replay boilers.ndjson --offline                  in-process, prints the ledger
              fleetprint replay boilers.ndjson --offline --json
            """
    )

    @Argument(help: "The stream file (from `record` or `simulate --out`).")
    var file: String

    @Option(help: ArgumentHelp("Speed-up of the recorded timing (10, 3600x), or max.", valueName: "factor"))
    var speed: SpeedArgument = SpeedArgument(argument: "1")!

    @Option(help: ArgumentHelp("QoS of messages the file gives none for (simulate's files; a recording keeps each message's QoS and retain flag): 1 waits for the broker's acknowledgements, so nothing is lost in a busy broker; 0 may drop.", valueName: "0|1|2"))
    var qos = 1

    @Flag(help: "No broker: run the stream through the daemon's pipeline in-process and print the final ledger.")
    var offline = false

    @Flag(help: "With --offline, print the ledger as JSON.")
    var json = false

    @OptionGroup var broker: BrokerOptions
    @OptionGroup var profiles: ProfileOptions

    func validate() throws {
        guard (0...2).contains(qos) else { throw ValidationError("--qos must be 0, 1 or 2, not \(qos)") }
    }

    func run() async throws {
        guard let library = profiles.sources.loadReportingIssues() else { throw ExitCode.failure }
        try await ReplayJob(library: library, file: URL(fileURLWithPath: file), broker: offline ? nil : broker.settings,
                            speed: speed.factor, qos: qos, json: json).run()
    }
}
