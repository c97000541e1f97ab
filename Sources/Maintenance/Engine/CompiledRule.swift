import FleetModel
import Foundation

/// A profile rule ready to evaluate: its metric's index, the component its orders service, and
/// its check in numbers.
struct CompiledRule: Sendable {
    let spec: RuleSpec
    let metricIndex: Int
    /// Dedup key for orders: the kit it asks for, or the rule itself when it names no kit.
    let component: String
    /// What each of its orders says alike, shared by them.
    let origin: OrderOrigin
    let check: RuleCheck

    init?(spec: RuleSpec, metrics: [Metric], settings: EngineSettings) {
        guard let metricIndex = metrics.firstIndex(where: { $0.id == spec.metric }) else { return nil }
        let metric = metrics[metricIndex]
        let unit = metric.unit?.symbol ?? ""
        func value(_ quantity: Quantity?) -> Double? { quantity.map { q in metric.unit.flatMap { q.value(in: $0) } ?? q.value } }
        self.spec = spec
        self.metricIndex = metricIndex
        component = spec.action.kit ?? spec.id
        origin = OrderOrigin(rule: spec.id, component: component, kit: spec.action.kit, resolution: spec.action.resolution, note: spec.action.note,
                             metric: metric.id)
        switch spec.condition {
        case .threshold(let t):
            let (alert, alarm) = (value(t.alert), value(t.alarm))
            check = .threshold(ThresholdCheck(metric: metric.id, unit: unit, direction: t.direction, alert: alert, alarm: alarm,
                                              duration: t.duration?.baseValue ?? 0, clear: value(t.clear) ?? alert ?? alarm ?? 0))
        case .rateOfChange(let r):
            check = .rate(RateCheck(metric: metric.id, unit: unit, direction: r.direction, change: value(r.change) ?? 0, window: r.window.baseValue,
                                    slices: ExtremaWindow(window: r.window.baseValue, slices: settings.buckets)))
        case .repeated(let r):
            check = .repeated(RepeatCheck(metric: metric.id, count: max(r.count, 1), window: r.window.baseValue, label: r.value))
        case .counterSinceService(let c):
            check = .counter(CounterCheck(metric: metric.id, unit: unit, alert: value(c.alert), alarm: value(c.alarm)))
        case .missingData(let after):
            check = .missing(MissingCheck(metric: metric.id, after: after.baseValue, silentReports: settings.silentReports))
        case .trend(let t):
            check = .trend(TrendCheck(metric: metric.id, unit: unit, direction: t.direction, limit: value(t.limit) ?? 0, horizon: t.horizon.baseValue))
        }
    }

    /// Memory of a freshly armed rule.
    var initialMemory: RuleMemory {
        switch check {
        case .threshold: .threshold(alertSince: nil, alarmSince: nil)
        case .rate: .rate([])
        case .repeated: .repeated(times: [], last: nil)
        case .counter: .counter(base: nil, last: nil)
        case .missing, .trend: .none
        }
    }

    /// Re-armed by a service: levels forgotten, a counter counts again from its latest value.
    func resetMemory(_ memory: RuleMemory) -> RuleMemory {
        if case .counter(_, let last) = memory { return .counter(base: last, last: last) }
        return initialMemory
    }
}
