import FleetModel
import Foundation
import Impact

/// A run's ledger as a file (`simulate --ledger`, `ledger merge --out`): the raw counts per
/// device, not priced, so that the ledgers of shards merge exactly and are priced once.
/// docs/schemas/ledger.schema.json; times are seconds since 1970, so nothing is rounded.
public struct LedgerFile: Sendable, Equatable, Codable, VersionedContract {
    public static let schemaVersion = "fleetprint.ledger/1"

    public var schema = SchemaTag<LedgerFile>()
    /// The shards of the fleet this ledger covers (`simulate --shard`); absent for the whole fleet.
    public var shards: [Partition]?
    public var ledger: ImpactLedger

    public init(shards: [Partition]?, ledger: ImpactLedger) {
        self.shards = shards
        self.ledger = ledger
    }

    public func write(to file: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .secondsSince1970
        do {
            try (encoder.encode(self) + Data("\n".utf8)).write(to: file)
        } catch {
            throw LedgerFileError("cannot write the ledger \(file.path): \(FileErrorReason.text(error))")
        }
    }

    public static func read(_ file: URL) throws -> LedgerFile {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw LedgerFileError("cannot read the ledger \(file.path): \(FileErrorReason.text(error))")
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        do {
            return try decoder.decode(LedgerFile.self, from: data)
        } catch {
            throw LedgerFileError("\(file.path) is not a Fleetprint ledger (\(schemaVersion), from simulate --ledger): \(error)")
        }
    }
}
