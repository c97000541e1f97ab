import FleetModel
import Foundation
import Impact

/// `fleetprint ledger merge`: the ledgers of disjoint parts of a fleet (simulation shards run as
/// separate jobs) as one, priced as one run of the whole fleet would be. Devices found in two
/// files are refused (the same shard twice, or not shards of one fleet); shards of one N that are
/// all present make the whole fleet, and any that are missing are named.
public struct LedgerMergeJob: Sendable {
    public var library: ProfileLibrary
    public var files: [URL]
    public var output: URL?
    public var json: Bool

    public init(library: ProfileLibrary, files: [URL], output: URL? = nil, json: Bool = false) {
        self.library = library
        self.files = files
        self.output = output
        self.json = json
    }

    public func run() throws {
        let merged = try merge()
        try output.map(merged.write)
        let summary = LedgerModel(library: library).summary(of: merged.ledger)
        print(json ? LedgerReport.json(summary) : LedgerReport.table(summary))
    }

    /// The files' ledgers as one file's.
    public func merge() throws -> LedgerFile {
        let inputs = try files.map(LedgerFile.read)
        let ledger: ImpactLedger
        do {
            ledger = try ImpactLedger.merged(inputs.map(\.ledger))
        } catch {
            throw LedgerFileError("device \(error.device) is in both \(files[error.first].path) and \(files[error.second].path): "
                                  + "ledgers to merge must cover disjoint devices (each shard once)")
        }
        let shards = try Self.shards(inputs.compactMap(\.shards).flatMap { $0 })
        var note = "ledger merge: \(inputs.count) ledgers, \(ledger.devices.count) devices"
        if let shards, let first = shards.first {
            let missing = first.siblings.filter { !shards.contains($0) }
            note += "; only shards \(shards.map(\.description).joined(separator: ", ")), missing \(missing.map(\.description).joined(separator: ", "))"
        }
        ConnectionReporter.note(note)
        return LedgerFile(shards: shards, ledger: ledger)
    }

    /// The shards merged, or nil when they make up the whole fleet (or none was a shard).
    static func shards(_ shards: [Partition]) throws -> [Partition]? {
        guard let count = shards.first?.count else { return nil }
        guard shards.allSatisfy({ $0.count == count }) else {
            throw LedgerFileError("shards of different counts cannot be merged: \(shards.map(\.description).joined(separator: ", "))")
        }
        let distinct = Set(shards)
        guard distinct.count == shards.count else {
            throw LedgerFileError("a shard is given twice: \(shards.map(\.description).joined(separator: ", "))")
        }
        return distinct.count == count ? nil : distinct.sorted()
    }
}
