import ArgumentParser
import FleetModel
import Foundation
import FleetprintRuntime
import Simulation

extension MaintenanceMode: ExpressibleByArgument {}

struct SimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate a fleet's telemetry, follow the daemon's work orders, and compare with the fixed-policy baseline.",
        discussion: """
            Devices wear with use (with spread between devices and seasons), break, get abused and \
            are replaced; their telemetry is exactly what the profiles expect from real devices. \
            Technicians carry out the daemon's work orders after a realistic lead time and report \
            on fleetprint/service/<kind>/<device>. With --policy baseline the profile's fixed \
            policy maintains the same fleet instead. The same seed and arguments give the same bytes.

            Examples:
              fleetprint simulate --fleet boiler=500,ebike-battery=2000 --speed 3600x      to a broker, for `fleetprint run`
              fleetprint simulate --fleet boiler=100 --period 1d --out boilers.ndjson      in-process, prints the ledger
              fleetprint simulate --fleet boiler=100 --period 1d --policy baseline --offline
              fleetprint simulate --fleet boiler=9000 --period 1d --shard 2/3 --ledger shard-2.json   one of three jobs
            """
    )

    @Option(help: ArgumentHelp("Kinds and counts: boiler=500,ebike-battery=2000.", valueName: "kind=count,..."))
    var fleet: String

    @Option(help: "Simulated years.")
    var years: Double = 15

    @Option(help: ArgumentHelp("Sample period (1h, 15min, 1d); each kind uses the coarser of this and its profile's.", valueName: "duration"))
    var period: PeriodArgument?

    @Option(help: ArgumentHelp("Event time per wall time when publishing (3600x), or max.", valueName: "factor"))
    var speed: SpeedArgument = SpeedArgument(argument: "3600x")!

    @Option(name: .customLong("commission-over"),
            help: ArgumentHelp("Event time over which devices are commissioned (a fleet of mixed ages); 1d brings all online at once.", valueName: "duration"))
    var commissioningSpread = PeriodArgument(seconds: SimulationSettings.defaultCommissioningSpread)

    @Option(help: "Seed of the fleet's random streams.")
    var seed: UInt64 = 42

    @Option(help: "cbm: follow the daemon's work orders; baseline: the profile's fixed policy.")
    var policy: MaintenanceMode = .cbm

    @Option(help: ArgumentHelp("Run the loop in-process through the daemon's pipeline and write every message here (NDJSON).", valueName: "file"))
    var out: String?

    @Flag(help: "Run the loop in-process without writing a file; print the ledger.")
    var offline = false

    @Option(help: ArgumentHelp("Simulate only shard K of N of the fleet (the devices `run --partition K/N` owns), with the streams they have in the whole fleet's run; merge the shards' --ledger files with `ledger merge`.", valueName: "K/N"),
            transform: Partition.init(parsing:))
    var shard: Partition?

    @Option(help: ArgumentHelp("Run the loop in-process and write its ledger here (JSON, for `fleetprint ledger merge`).", valueName: "file"))
    var ledger: String?

    @Flag(help: "Print the final ledger as JSON.")
    var json = false

    @OptionGroup var broker: BrokerOptions
    @OptionGroup var profiles: ProfileOptions

    func run() async throws {
        guard let library = profiles.sources.loadReportingIssues() else { throw ExitCode.failure }
        let settings = SimulationSettings(fleet: try FleetSpec(parsing: fleet), years: years, period: period?.seconds, seed: seed, mode: policy,
                                          commissioningSpread: commissioningSpread.seconds, shard: shard)
        let inProcess = out != nil || offline || ledger != nil
        var job = SimulateJob(library: library, settings: settings, output: out.map { URL(fileURLWithPath: $0) },
                              broker: inProcess ? nil : broker.settings, speed: speed.factor, json: json)
        job.ledgerFile = ledger.map { URL(fileURLWithPath: $0) }
        try await job.run()
    }
}
