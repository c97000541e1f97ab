import FleetModel

/// Per-device tallies for metrics and the dashboard: nothing is dropped without being counted.
/// Four bytes each (`Tally`), as every device keeps them.
public struct DeviceCounts: Sendable, Hashable {
    @Tally public var accepted = 0
    @Tally public var stale = 0
    @Tally public var duplicate = 0
    @Tally public var unknownMetric = 0
    @Tally public var suppressed = 0
    @Tally public var ordersIssued = 0

    mutating func count(_ disposition: ReadingDisposition) {
        switch disposition {
        case .accepted: accepted += 1
        case .stale: stale += 1
        case .duplicate: duplicate += 1
        case .unknownMetric: unknownMetric += 1
        }
    }
}
