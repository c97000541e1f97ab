import Foundation

/// `fleetprint broker`: a private mosquitto on a free loopback port until Ctrl-C, for trying
/// Fleetprint without a broker of one's own (`make run` uses it).
public struct LocalBrokerJob: Sendable {
    public var home: FleetprintHome
    public var port: Int?
    /// Where to write the broker's URL once it accepts connections, for scripts that wait on it.
    public var urlFile: String?

    public init(home: FleetprintHome, port: Int?, urlFile: String?) {
        self.home = home
        self.port = port
        self.urlFile = urlFile
    }

    public func run() async throws {
        let broker = try LocalBroker(template: home.brokerTemplate, port: port)
        try broker.start()
        defer { broker.stop() }
        let (stopped, stop) = AsyncStream.makeStream(of: Int32.self)
        let trap = SignalTrap { stop.yield($0) }
        if let urlFile {
            try (broker.url + "\n").write(toFile: urlFile, atomically: true, encoding: .utf8)
        }
        ConnectionReporter.note("mosquitto listening on \(broker.url) (folder \(broker.directory.path)); Ctrl-C stops it")
        for await _ in stopped { break }
        withExtendedLifetime(trap) {}
    }
}
