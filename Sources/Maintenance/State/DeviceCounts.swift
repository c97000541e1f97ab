/// Per-device tallies for metrics and the dashboard: nothing is dropped without being counted.
public struct DeviceCounts: Sendable, Hashable {
    public var accepted = 0
    public var stale = 0
    public var duplicate = 0
    public var unknownMetric = 0
    public var suppressed = 0
    public var ordersIssued = 0

    mutating func count(_ disposition: ReadingDisposition) {
        switch disposition {
        case .accepted: accepted += 1
        case .stale: stale += 1
        case .duplicate: duplicate += 1
        case .unknownMetric: unknownMetric += 1
        }
    }
}
