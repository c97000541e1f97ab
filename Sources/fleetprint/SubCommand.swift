import ArgumentParser
import FleetprintRuntime

extension MessageFormat: ExpressibleByArgument {}

struct SubCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sub",
        abstract: "Print the messages on a broker, like mosquitto_sub.",
        discussion: """
            Examples:
              fleetprint sub '#'                                   everything, payloads only
              fleetprint sub 'fleet/+/boiler/#' --format verbose   topic and payload
              fleetprint sub 'fleet/#' --json --count 100 > sample.ndjson

            The connection is renewed with backoff when it drops; losses and reconnects are \
            reported on stderr. Ctrl-C stops cleanly.
            """
    )

    @OptionGroup var broker: BrokerOptions

    @Argument(help: "Topic filters; + matches one level, # the rest.")
    var filters: [String]

    @Option(help: "QoS of the subscriptions: 0, 1 or 2.")
    var qos = 1

    @Option(help: "Stop after this many messages.")
    var count: Int?

    @Option(help: "payload (as mosquitto_sub), verbose (topic and payload, as mosquitto_sub -v) or json.")
    var format: MessageFormat = .payload

    @Flag(help: "Shorthand for --format json: one NDJSON object per message with topic, qos, retain and payload.")
    var json = false

    func validate() throws {
        guard !filters.isEmpty else { throw ValidationError("give at least one topic filter, for example '#'") }
        if let count, count < 1 { throw ValidationError("--count must be 1 or more") }
    }

    func run() async throws {
        try await SubscribeJob(broker: broker.settings, filters: filters, qos: qos, count: count, format: json ? .json : format).run()
    }
}
