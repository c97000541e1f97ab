import Foundation

/// The latest of one metric on one device, and its trend window when a rule needs a prognosis.
public struct MetricState: Sendable, Hashable, Codable {
    public let metric: String
    public internal(set) var lastSeen: Date?
    public internal(set) var lastValue: Double?
    var trend: TrendWindow?

    init(metric: String, trend: TrendWindow?) {
        self.metric = metric
        self.trend = trend
    }
}
