import FleetModel
import Foundation

/// A fitted trend of one metric and the remaining useful life it implies until `limit`
/// (ISO 13374 prognostic assessment).
public struct Prognosis: Sendable, Hashable, Codable {
    public var metric: String
    public var limit: Double
    /// Change of the metric per second, from least squares over the window.
    public var slope: Double
    /// The fitted value at `time`.
    public var level: Double
    public var time: Date
    /// Seconds until the fit reaches `limit`; 0 when already past, nil when it moves away from it.
    public var remainingLife: TimeInterval?

    public init(metric: String, limit: Double, slope: Double, level: Double, time: Date, remainingLife: TimeInterval?) {
        self.metric = metric
        self.limit = limit
        self.slope = slope
        self.level = level
        self.time = time
        self.remainingLife = remainingLife
    }
}

extension Prognosis {
    /// The fit of a trend window's slices at `time` and the time until it reaches `limit` going `direction`.
    init?(metric: String, limit: Double, direction: Direction, window: TrendWindow, slices: some BidirectionalCollection<TrendSlice>, at time: Date) {
        guard let (slope, level) = window.fit(slices, at: time.timeIntervalSince1970) else { return nil }
        let past = direction == .above ? level >= limit : level <= limit
        let approaching = direction == .above ? slope > 0 : slope < 0
        let life: TimeInterval? = past ? 0 : approaching ? (limit - level) / slope : nil
        self.init(metric: metric, limit: limit, slope: slope, level: level, time: time, remainingLife: life)
    }
}
