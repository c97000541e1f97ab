import FleetModel
import Telemetry

/// Which received messages a partitioned daemon keeps: those of the devices its partition owns,
/// judged from the topic alone, before any payload is decoded or journaled, so the other
/// partitions' traffic costs one topic match each. A message that names no device (an unknown
/// topic, a malformed service topic) belongs to partition 0, so its dead letter is published
/// once, not by every daemon.
public struct PartitionFilter: Sendable {
    public let partition: Partition
    private let parser: MessageParser

    public init(partition: Partition, parser: MessageParser) {
        self.partition = partition
        self.parser = parser
    }

    public func owns(topic: String) -> Bool { owns(parser.address(of: topic)) }

    /// Whether the device at `address` (from `MessageParser.address(of:)`; nil: none) is this
    /// partition's: for a caller that goes on to parse with that address.
    public func owns(_ address: DeviceAddress?) -> Bool {
        guard let address else { return partition.index == 0 }
        return partition.owns(kind: address.kind, id: address.device)
    }
}
