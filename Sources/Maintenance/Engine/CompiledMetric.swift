import FleetModel
import Foundation

/// A metric as the engine uses it: whether it keeps a trend window (for a trend rule or a
/// threshold's due date), and the limit its prognosis aims at.
struct CompiledMetric: Sendable {
    let metric: Metric
    /// The trend window's shape; nil when no rule needs a prognosis of this metric.
    let trend: TrendWindow?
    let limit: Double?
    let direction: Direction

    init(metric: Metric, rules: [RuleSpec], settings: EngineSettings) {
        self.metric = metric
        let mine = rules.filter { $0.metric == metric.id }
        let unit = metric.unit
        func value(_ quantity: Quantity?) -> Double? { quantity.map { q in unit.flatMap { q.value(in: $0) } ?? q.value } }
        var window: TimeInterval?
        var limit: Double?
        var direction = Direction.above
        for rule in mine {
            switch rule.condition {
            case .trend(let trend):
                window = trend.window.baseValue
                (limit, direction) = (value(trend.limit), trend.direction)
            case .threshold(let threshold) where metric.type == .gauge && limit == nil:
                window = window ?? settings.prognosisWindow
                (limit, direction) = (value(threshold.alarm ?? threshold.alert), threshold.direction)
            default:
                break
            }
        }
        trend = window.map { TrendWindow(window: $0, slices: settings.buckets) }
        (self.limit, self.direction) = (limit, direction)
    }

    func prognosis(_ state: MetricState, slices: some BidirectionalCollection<TrendSlice>) -> Prognosis? {
        guard let limit, let trend, let time = state.lastSeen else { return nil }
        return Prognosis(metric: metric.id, limit: limit, direction: direction, window: trend, slices: slices, at: time)
    }
}
