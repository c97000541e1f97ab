import ArgumentParser

/// `fleetprint ledger`: work with ledger files (`simulate --ledger`).
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Merge the ledgers of simulation shards run as separate jobs.",
        subcommands: [LedgerMergeCommand.self]
    )
}
