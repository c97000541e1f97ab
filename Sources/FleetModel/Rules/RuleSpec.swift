import Yams

/// A condition-based maintenance rule as data: which metric, what condition, what to do.
/// Limits are quantities in the metric's dimension, checked against the metric when loading.
public struct RuleSpec: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var metric: String
    public var condition: RuleCondition
    public var action: RuleAction
    public var source: String

    public init(id: String, metric: String, condition: RuleCondition, action: RuleAction, source: String) {
        self.id = id
        self.metric = metric
        self.condition = condition
        self.action = action
        self.source = source
    }

    /// Every limit of the rule, with its field name, for checking units against the metric.
    public var limits: [(field: String, value: Quantity)] {
        let named: [(String, Quantity?)]
        switch condition {
        case .threshold(let t): named = [("alert", t.alert), ("alarm", t.alarm), ("clear", t.clear)]
        case .rateOfChange(let r): named = [("change", r.change)]
        case .counterSinceService(let c): named = [("alert", c.alert), ("alarm", c.alarm)]
        case .trend(let t): named = [("limit", t.limit)]
        case .repeated, .missingData: named = []
        }
        return named.compactMap { field, value in value.map { (field, $0) } }
    }

    init?(id: String, reading r: NodeReader) {
        let kind = r.required("kind", expected: "the rule kind") { $0.choice(RuleKind.self) }
        r.allowOnly(["metric", "kind", "action", "source"] + (kind.map(RuleCondition.fields(of:)) ?? []))
        let metric = r.required("metric", expected: "a metric of the telemetry schema") { $0.string }
        let condition = kind.flatMap { Self.condition(kind: $0, reading: r) }
        let action = r.required("action", expected: "{kit:, resolution:}") { RuleAction(reading: $0) }
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let metric, let condition, let action, let source else { return nil }
        self.init(id: id, metric: metric, condition: condition, action: action, source: source)
    }

    private static func condition(kind: RuleKind, reading r: NodeReader) -> RuleCondition? {
        let anyUnit = QuantityDimension.allCases
        func limit(_ key: String) -> Quantity? { r.optional(key) { $0.quantity(in: anyUnit) } }
        func duration(_ key: String) -> Quantity? { r.required(key, expected: "a duration") { $0.quantity(.duration) } }
        func direction() -> Direction? { r.required("direction", expected: "above or below") { $0.choice(Direction.self) } }
        switch kind {
        case .threshold:
            let direction = direction()
            let threshold = Threshold(direction: direction ?? .above, alert: limit("alert"), alarm: limit("alarm"),
                                      duration: r.optional("for") { $0.quantity(.duration) }, clear: limit("clear"))
            if threshold.alert == nil, threshold.alarm == nil { return r.fail("a threshold rule needs an alert or an alarm level") }
            return direction.map { _ in .threshold(threshold) }
        case .rate:
            let (direction, change, window) = (direction(), r.required("change", expected: "the change that fires") { $0.quantity(in: anyUnit) }, duration("within"))
            guard let direction, let change, let window else { return nil }
            return .rateOfChange(RateOfChange(direction: direction, change: change, window: window))
        case .`repeat`:
            let (count, window) = (r.required("count", expected: "how many occurrences") { $0.int }, duration("within"))
            guard let count, let window else { return nil }
            return .repeated(Repetition(count: count, window: window, value: r.optional("value") { $0.string }))
        case .counter:
            let limits = CounterLimit(alert: limit("alert"), alarm: limit("alarm"))
            if limits.alert == nil, limits.alarm == nil { return r.fail("a counter rule needs an alert or an alarm level") }
            return .counterSinceService(limits)
        case .missing:
            return duration("after").map { .missingData(after: $0) }
        case .trend:
            let (direction, limit) = (direction(), r.required("limit", expected: "the level the trend must not reach") { $0.quantity(in: anyUnit) })
            let (window, horizon) = (duration("window"), duration("horizon"))
            guard let direction, let limit, let window, let horizon else { return nil }
            return .trend(TrendPrognosis(direction: direction, limit: limit, window: window, horizon: horizon))
        }
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("metric", metric)
        b.add("kind", condition.kind)
        switch condition {
        case .threshold(let t):
            b.add("direction", t.direction)
            b.add("alert", t.alert)
            b.add("alarm", t.alarm)
            b.add("for", t.duration)
            b.add("clear", t.clear)
        case .rateOfChange(let r):
            b.add("direction", r.direction)
            b.add("change", r.change)
            b.add("within", r.window)
        case .repeated(let r):
            b.add("count", r.count)
            b.add("within", r.window)
            b.add("value", r.value)
        case .counterSinceService(let c):
            b.add("alert", c.alert)
            b.add("alarm", c.alarm)
        case .missingData(let after):
            b.add("after", after)
        case .trend(let t):
            b.add("direction", t.direction)
            b.add("limit", t.limit)
            b.add("window", t.window)
            b.add("horizon", t.horizon)
        }
        b.add("action", action.node)
        b.add("source", source)
        return b.node
    }
}
