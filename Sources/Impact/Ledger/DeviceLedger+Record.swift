import FleetModel
import Foundation

/// A device's ledger as a compact binary record for checkpoints (its JSON form stays the
/// contract of `simulate --ledger` and `ledger merge`).
extension DeviceLedger {
    /// The record format; a reader refuses any other.
    static let recordFormat: UInt8 = 1

    public func record(into writer: inout BinaryWriter) {
        writer.write(Self.recordFormat)
        writer.write(device)
        writer.write(kind)
        for time in [firstSeen, lastSeen, retiredAt, unitSince] { writer.write(time?.timeIntervalSince1970) }
        for count in [replacements, remoteFixes, customerFixes, renovationsOfUnit] { writer.write(tally: count) }
        writer.write(bytesReceived)
        for group in ServiceTallies.Group.allCases {
            let counts = tallies.entries(of: group)
            writer.write(count: counts.count)
            for entry in counts {
                writer.write(entry.name)
                writer.write(tally: Int(entry.count))
            }
        }
    }

    public init(record reader: inout BinaryReader) throws(BinaryRecordError) {
        let format = try reader.byte()
        guard format == Self.recordFormat else { throw BinaryRecordError("ledger record format \(format), this version reads \(Self.recordFormat)") }
        self.init(device: try reader.string(), kind: try reader.string())
        func time() throws(BinaryRecordError) -> Date? { try reader.optionalDouble().map(Date.init(timeIntervalSince1970:)) }
        (firstSeen, lastSeen, retiredAt, unitSince) = (try time(), try time(), try time(), try time())
        (replacements, remoteFixes, customerFixes, renovationsOfUnit) = (try reader.tally(), try reader.tally(), try reader.tally(), try reader.tally())
        bytesReceived = try reader.double()
        for group in ServiceTallies.Group.allCases {
            for _ in 0 ..< (try reader.count()) {
                let name = try reader.string()
                tallies.add(try reader.tally(), to: name, in: group)
            }
        }
    }
}
