import ArgumentParser
import FleetprintRuntime

struct BrokerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "broker",
        abstract: "Run a private mosquitto on a loopback port until Ctrl-C.",
        discussion: """
            Uses Config/mosquitto/local.conf: loopback only, anonymous, nothing kept on disk. \
            Handy for trying Fleetprint without a broker of your own:

              fleetprint broker --port 1883 &
              fleetprint sub '#' &
              fleetprint pub demo/hello 'it works'
            """
    )

    @Option(help: "Port to listen on (default: a free one, printed on stderr).")
    var port: Int?

    @Option(help: "Write the broker's URL to this file once it accepts connections.")
    var urlFile: String?

    func run() async throws {
        try await LocalBrokerJob(home: .locate(), port: port, urlFile: urlFile).run()
    }
}
