import FleetModel
import Foundation
import Impact
import Logging
import ServiceLifecycle

/// Puts `fleetprint run` together from its options: the configuration file, brokers given on the
/// command line (which replace the file's), the state folder, and the profiles; then runs the
/// daemon (and the metrics endpoint, when configured) as services that stop on SIGINT/SIGTERM.
public struct DaemonLauncher: Sendable {
    public var configurationFile: String?
    /// Brokers named on the command line, which replace the configuration's; empty: the configuration's.
    public var brokers: [BrokerSettings]
    public var stateDirectory: String?
    public var journalDirectory: String?
    public var instance: String?
    public var metricsAddress: String?
    /// `run --partition`, which overrides the configuration's.
    public var partition: Partition?
    public var sources: ProfileSources
    /// `run --init`: begin a new state even where the state file is empty or foreign.
    public var initializeState = false
    /// `--log-level` and `--log-format`.
    public var logging = LogSettings()

    public init(configurationFile: String?, brokers: [BrokerSettings], stateDirectory: String?, journalDirectory: String? = nil,
                instance: String?, metricsAddress: String?, sources: ProfileSources) {
        self.configurationFile = configurationFile
        self.brokers = brokers
        self.stateDirectory = stateDirectory
        self.journalDirectory = journalDirectory
        self.instance = instance
        self.metricsAddress = metricsAddress
        self.sources = sources
    }

    /// Runs the daemon until SIGINT or SIGTERM; returns false when the profiles did not load.
    public func run(onSummary: (@Sendable (DaemonSummary) -> Void)? = nil) async throws -> Bool {
        AllocatorSettings.apply()
        var configuration = try configurationFile.map { try DaemonConfiguration.load(URL(fileURLWithPath: $0)) } ?? DaemonConfiguration()
        if let instance {
            try DaemonConfiguration.validate(instance: instance, file: "--instance")
            configuration.instance = instance
        }
        if let stateDirectory { configuration.state = stateDirectory }
        if let journalDirectory { configuration.journal = journalDirectory }
        if let metricsAddress { configuration.metrics = metricsAddress }
        if let partition { configuration.partition = partition }
        configuration.nameDefaultInstanceAfterPartition()
        let brokers = self.brokers.isEmpty ? configuration.brokers.map(\.settings) : self.brokers
        guard let library = sources.loadReportingIssues() else { return false }
        LogSetup.toStandardError(logging)
        let logger = Logger(label: "fleetprint.run")
        let metrics = DaemonMetrics()
        var job = DaemonJob(configuration: configuration, brokers: brokers, library: library,
                            stateDirectory: URL(fileURLWithPath: configuration.stateDirectory()),
                            journalDirectory: configuration.journal.map { URL(fileURLWithPath: $0) }, metrics: metrics, logger: logger, onSummary: onSummary)
        job.initializeState = initializeState
        var services: [any Service] = [DaemonService(job: job)]
        if let address = configuration.metrics {
            services.append(try MetricsServer(address: address, metrics: metrics, logger: logger))
        }
        let group = ServiceGroup(services: services, gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger)
        try await group.run()
        return true
    }
}
