import FleetModel

/// Which partitions of a partitioned fleet have a daemon reporting: the sum of the instances is
/// the whole fleet only when every partition of one N is present once, so the dashboard says
/// which are missing (a daemon down) or claimed twice (two daemons with one partition).
public struct PartitionCoverage: Sendable, Equatable {
    /// Distinct partitions reported, in order.
    public var present: [Partition]
    /// Partitions of the reported N that no instance reports; empty when the Ns disagree.
    public var missing: [Partition]
    /// Partitions two or more instances report.
    public var duplicated: [Partition]
    /// Instances that report no partition beside partitioned ones (their devices are counted twice).
    public var unpartitioned: [String]

    /// Nil when no instance reports a partition: an unpartitioned fleet has nothing to cover.
    public init?(partitions: [(instance: String, partition: Partition?)]) {
        let claimed = partitions.compactMap(\.partition)
        guard !claimed.isEmpty else { return nil }
        let counts = Dictionary(claimed.map { ($0, 1) }, uniquingKeysWith: +)
        present = counts.keys.sorted()
        duplicated = counts.filter { $0.value > 1 }.keys.sorted()
        let sizes = Set(present.map(\.count))
        missing = sizes.count == 1 ? present[0].siblings.filter { counts[$0] == nil } : []
        unpartitioned = partitions.filter { $0.partition == nil }.map(\.instance).sorted()
    }

    /// Every partition of one N present exactly once, and no unpartitioned instance beside them.
    public var isComplete: Bool {
        Set(present.map(\.count)).count == 1 && missing.isEmpty && duplicated.isEmpty && unpartitioned.isEmpty
    }

    /// "partitions 2 of 3 present, missing 1/3".
    public var text: String {
        let sizes = Set(present.map(\.count)).sorted()
        var text = sizes.count == 1
            ? "partitions \(present.count) of \(sizes[0]) present"
            : "partitions of different counts: \(present.map(\.description).joined(separator: ", "))"
        if !missing.isEmpty { text += ", missing \(missing.map(\.description).joined(separator: ", "))" }
        if !duplicated.isEmpty { text += ", twice: \(duplicated.map(\.description).joined(separator: ", "))" }
        if !unpartitioned.isEmpty { text += ", unpartitioned: \(unpartitioned.joined(separator: ", "))" }
        return text
    }
}
