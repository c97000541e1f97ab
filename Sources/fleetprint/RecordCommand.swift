import ArgumentParser
import Foundation
import FleetprintRuntime

struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Capture a broker's stream to an NDJSON file with receive timestamps, for replay.",
        discussion: """
            Each line: {"t": <receive time, s>, "topic": ..., "payload": ..., "qos": ...} \
            (payload_base64 when the payload is not UTF-8; "retain": true for a retained message), \
            so replay publishes each as it came. Ctrl-C stops and closes the file.

            Example:
              fleetprint record 'devices/#' 'fleetprint/service/#' --out capture.ndjson
            """
    )

    @Argument(help: "Topic filters; + matches one level, # the rest.")
    var filters: [String]

    @Option(help: ArgumentHelp("The file to write.", valueName: "file"))
    var out: String

    @Option(help: "Stop after this many messages.")
    var count: Int?

    @OptionGroup var broker: BrokerOptions

    func validate() throws {
        guard !filters.isEmpty else { throw ValidationError("give at least one topic filter, for example '#'") }
    }

    func run() async throws {
        try await RecordJob(broker: broker.settings, filters: filters, output: URL(fileURLWithPath: out), count: count).run()
    }
}
