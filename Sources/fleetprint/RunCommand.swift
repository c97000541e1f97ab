import ArgumentParser
import Foundation
import FleetModel
import FleetprintRuntime

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The daemon: subscribe to device telemetry, run CBM rules, issue work orders, keep the LCA ledger.",
        discussion: """
            Subscribes to the topic templates of the loaded profiles (and to service reports on \
            fleetprint/service/<kind>/<device>) with a persistent session at QoS 1. Every message \
            is appended to the journal (<state>/journal, or --journal) before the broker is told \
            it arrived, and the state is checkpointed into <state>/fleetprint.sqlite every few \
            seconds, so after a crash or kill -9 a restart resumes without issuing a work order \
            twice or counting a ledger entry twice. If the journal cannot be written (disk full, \
            read-only), the daemon exits non-zero without acknowledging that message.

            Publishes: work orders on fleetprint/workorders/<kind>/<device>; a retained impact \
            summary on fleetprint/impact/<instance>; rejected input on \
            fleetprint/deadletter/<reason>. Schemas: Config/README.md.

            Examples:
              fleetprint run --broker mqtt://127.0.0.1:1883 --state /var/lib/fleetprint
              fleetprint run --config Config/fleetprint.yaml
              fleetprint run --broker mqtt://10.0.0.5:1883 --partition 1/3 --state /var/lib/fleetprint-1
            """
    )

    @Option(help: ArgumentHelp("Daemon configuration (YAML; see Config/fleetprint.yaml).", valueName: "file"))
    var config: String?

    @Option(name: .customLong("broker"), help: ArgumentHelp("Broker URL: mqtt://host:port, or mqtts://host:port for TLS; repeat for several. Replaces the configuration's brokers. The session is always persistent.", valueName: "url"))
    var brokers: [String] = []

    /// Apply to the `--broker` URLs; the configuration's brokers carry their own.
    @OptionGroup var connection: BrokerConnectionOptions

    @Option(help: ArgumentHelp("State folder (SQLite checkpoints; the journal too, unless --journal). Default: the configuration's, else $STATE_DIRECTORY (systemd's StateDirectory=), else ./state.", valueName: "dir"))
    var state: String?

    @Option(help: ArgumentHelp("Journal folder, if not <state>/journal (one file write per message: a fast disk).", valueName: "dir"))
    var journal: String?

    @Flag(name: .customLong("init"), help: "Begin a new state even though the state file is empty or another program's database (which is moved aside, never written into).")
    var initialize = false

    @Option(help: "Instance name, for fleetprint/impact/<instance>: letters, digits, '.', '_', '-' or ':'.")
    var instance: String?

    @Option(help: ArgumentHelp("Serve Prometheus metrics on host:port (e.g. 127.0.0.1:9464).", valueName: "address"))
    var metrics: String?

    @Option(help: ArgumentHelp("Own only partition K of N of the fleet (by a stable hash of kind/id; docs/SCALEOUT.md): run N daemons, 0/N to N-1/N. Overrides the configuration's.", valueName: "K/N"),
            transform: Partition.init(parsing:))
    var partition: Partition?

    @Flag(help: "Show the live dashboard in this terminal (the daemon's log goes to <state>/fleetprint.log); q stops both.")
    var dashboard = false

    @OptionGroup var profiles: ProfileOptions

    @OptionGroup var logging: LogOptions

    func validate() throws {
        if connection.isSet, brokers.isEmpty {
            throw ValidationError("the broker options (--username, --password-env, --cafile, --client-id, ...) apply to --broker URLs; without --broker, set them on the configuration's brokers (Config/fleetprint.yaml)")
        }
    }

    func run() async throws {
        var launcher = DaemonLauncher(configurationFile: config, brokers: brokers.map(connection.settings), stateDirectory: state, journalDirectory: journal,
                                      instance: instance, metricsAddress: metrics, sources: profiles.sources)
        launcher.initializeState = initialize
        launcher.logging = logging.settings
        launcher.partition = partition
        let log = URL(fileURLWithPath: state ?? ".").appendingPathComponent("fleetprint.log")
        guard try await dashboard ? DashboardJob().run(alongside: launcher, log: log) : launcher.run() else { throw ExitCode.failure }
    }
}
