import FleetModel
import Foundation

/// Puts `fleetprint run` together from its options: the configuration file, brokers given on the
/// command line (which replace the file's), the state folder, and the profiles.
public struct DaemonLauncher: Sendable {
    public var configurationFile: String?
    public var brokerURLs: [String]
    public var stateDirectory: String?
    public var instance: String?
    public var sources: ProfileSources

    public init(configurationFile: String?, brokerURLs: [String], stateDirectory: String?, instance: String?, sources: ProfileSources) {
        self.configurationFile = configurationFile
        self.brokerURLs = brokerURLs
        self.stateDirectory = stateDirectory
        self.instance = instance
        self.sources = sources
    }

    /// Runs the daemon until SIGINT or SIGTERM; returns false when the profiles did not load.
    public func run() async throws -> Bool {
        var configuration = try configurationFile.map { try DaemonConfiguration.load(URL(fileURLWithPath: $0)) } ?? DaemonConfiguration()
        if let instance { configuration.instance = instance }
        if let stateDirectory { configuration.state = stateDirectory }
        let brokers = brokerURLs.isEmpty ? configuration.brokers.map(\.settings) : brokerURLs.map { BrokerSettings(url: $0) }
        guard let library = sources.loadReportingIssues() else { return false }
        let (stop, stopNow) = AsyncStream.makeStream(of: Void.self)
        let trap = SignalTrap { _ in stopNow.yield() }
        defer { withExtendedLifetime(trap) {} }
        try await DaemonJob(configuration: configuration, brokers: brokers, library: library,
                            stateDirectory: URL(fileURLWithPath: configuration.state)).run(until: stop)
        return true
    }
}
