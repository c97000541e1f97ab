import FleetModel
import Foundation

/// The latest of one metric on one device. A device holds one per metric of its kind, in the
/// profile's order (the engine knows the names), so it stores plain numbers (`Packed`,
/// `ReportingGaps`): 24 bytes where optionals and a name took 112. Its trend slices, when a rule
/// needs a prognosis, are with the device's others (`DeviceSlots.trend`).
public struct MetricState: Sendable, Hashable {
    @Packed public internal(set) var lastSeen: Date? = nil
    @Packed public internal(set) var lastValue: Double? = nil
    /// The gap before `lastSeen`, and the smaller of the last two gaps: how often this metric
    /// usually reports, learned from the device itself. A device set to report daily is not
    /// silent after six hours; one outage does not widen it, two long gaps in a row do.
    var gaps = ReportingGaps()

    init() {}

    var lastGap: TimeInterval? {
        get { gaps.last }
        set { gaps.last = newValue }
    }

    public internal(set) var usualGap: TimeInterval? {
        get { gaps.usual }
        set { gaps.usual = newValue }
    }

    mutating func seen(at time: Date) {
        if let lastSeen {
            let gap = time.timeIntervalSince(lastSeen)
            usualGap = lastGap.map { min($0, gap) }
            lastGap = gap
        }
        lastSeen = time
    }
}
