/// Partition K of N (written "K/N", K from 0 to N-1): the devices whose stable hash of kind and
/// id (`DeviceIdentity.stableHash`) leaves K when divided by N. Daemons split a fleet this way
/// (`run --partition`), and simulations shard it the same way (`simulate --shard`), so every
/// device has exactly one owner whoever computes it, wherever.
public struct Partition: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws(PartitionError) {
        guard count >= 1 else { throw PartitionError("partition \(index)/\(count): N must be at least 1") }
        guard (0..<count).contains(index) else {
            throw PartitionError("partition \(index)/\(count): K counts from 0 and must be below N (0/\(count) to \(count - 1)/\(count))")
        }
        self.init(checked: index, count: count)
    }

    private init(checked index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// "1/3".
    public init(parsing text: String) throws(PartitionError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw PartitionError("expected K/N such as 1/3 (partition K of N, K from 0 to N-1), got '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    public func owns(_ identity: DeviceIdentity) -> Bool {
        owns(hash: identity.stableHash)
    }

    public func owns(kind: String, id: String) -> Bool {
        owns(hash: DeviceIdentity.stableHash(kind: kind, id: id))
    }

    private func owns(hash: UInt64) -> Bool {
        hash % UInt64(count) == UInt64(index)
    }

    /// Every partition of this one's N, in order.
    public var siblings: [Partition] {
        (0..<count).map { Partition(checked: $0, count: count) }
    }

    public var description: String { "\(index)/\(count)" }

    /// "p1of3": for names (an instance, a file) that must not hold a "/".
    public var nameSuffix: String { "p\(index)of\(count)" }

    public static func < (lhs: Partition, rhs: Partition) -> Bool {
        (lhs.count, lhs.index) < (rhs.count, rhs.index)
    }

    /// As "K/N", in the configuration file and in the contracts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
