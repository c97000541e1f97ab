import Foundation

/// The latest of one metric on one device, and its trend window when a rule needs a prognosis.
public struct MetricState: Sendable, Hashable, Codable {
    public let metric: String
    public internal(set) var lastSeen: Date?
    public internal(set) var lastValue: Double?
    /// The gap before `lastSeen`, and the smaller of the last two gaps: how often this metric
    /// usually reports, learned from the device itself. A device set to report daily is not
    /// silent after six hours; one outage does not widen it, two long gaps in a row do.
    var lastGap: TimeInterval?
    public internal(set) var usualGap: TimeInterval?
    var trend: TrendWindow?

    init(metric: String, trend: TrendWindow?) {
        self.metric = metric
        self.trend = trend
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
