import ArgumentParser
import FleetprintRuntime

struct PubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pub",
        abstract: "Publish a message, or one message per line of standard input.",
        discussion: """
            Examples:
              fleetprint pub fleet/site1/boiler/b-17/telemetry '{"flue_temp_c": 61.5}'
              fleetprint pub config/limits '{"max": 3}' --qos 1 --retain
              cat readings.ndjson | fleetprint pub fleet/test --stdin --qos 1

            The command returns once the broker has acknowledged every QoS 1/2 message.
            """
    )

    @OptionGroup var broker: BrokerOptions

    @Argument(help: "Topic to publish to (no wildcards).")
    var topic: String

    @Argument(help: "The payload. Leave out with --stdin.")
    var payload: String?

    @Option(help: "QoS: 0, 1 or 2.")
    var qos = 0

    @Flag(help: "Ask the broker to keep the message for later subscribers.")
    var retain = false

    @Flag(help: "Publish each line of standard input as one message.")
    var stdin = false

    func validate() throws {
        if stdin == (payload != nil) {
            throw ValidationError(stdin ? "give either a payload or --stdin, not both" : "give a payload, or --stdin to read messages from standard input")
        }
    }

    func run() async throws {
        let job = PublishJob(broker: broker.settings, topic: topic, qos: qos, retain: retain)
        if let payload {
            try await job.run(payloads: [payload])
        } else {
            try await job.run(payloads: StandardInputLines())
        }
    }
}
