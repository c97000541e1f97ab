import ArgumentParser
import Foundation
import FleetprintRuntime

struct LedgerMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Sum the ledgers of disjoint shards of one fleet and price them as one run.",
        discussion: """
            N jobs of `simulate --shard K/N --ledger FILE` (same fleet, seed and options) merged \
            give the ledger of the unsharded run (Fleetprint's own CPU time, where measured, is \
            summed). A device found in two files is an error; missing shards are named on stderr. \
            Job definitions for Kubernetes and GNU parallel: docs/SCALEOUT.md.

            Examples:
              fleetprint ledger merge shard-0.json shard-1.json shard-2.json
              fleetprint ledger merge shard-*.json --out fleet.json --json
            """
    )

    @Argument(help: ArgumentHelp("Ledger files (from `simulate --ledger`).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("Write the merged ledger here (the same format, to merge again).", valueName: "file"))
    var out: String?

    @Flag(help: "Print the priced ledger as JSON.")
    var json = false

    @OptionGroup var profiles: ProfileOptions

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one ledger file") }
    }

    func run() throws {
        guard let library = profiles.sources.loadReportingIssues() else { throw ExitCode.failure }
        try LedgerMergeJob(library: library, files: files.map { URL(fileURLWithPath: $0) }, output: out.map { URL(fileURLWithPath: $0) }, json: json).run()
    }
}
