import Yams

/// One measured quantity of a device, and how to find it in a real device's JSON payload:
/// `field` renames, `scale` converts the payload's unit into `unit` (payload value x scale).
public struct Metric: Sendable, Hashable, KeyedEntry {
    /// The metric's name, used by rules and the degradation model.
    public var id: String
    public var type: MetricType
    /// Nil only for enum metrics.
    public var unit: Unit?
    /// Values outside are rejected as bad data.
    public var range: QuantityRange?
    /// Labels of an enum metric.
    public var values: [String]
    /// Payload field; defaults to the metric's name.
    public var field: String
    public var scale: Double
    /// Expected time between samples; missing-data rules and the simulator use it.
    public var samplePeriod: Quantity?

    public init(id: String, type: MetricType, unit: Unit?, range: QuantityRange? = nil, values: [String] = [], field: String? = nil,
                scale: Double = 1, samplePeriod: Quantity? = nil) {
        self.id = id
        self.type = type
        self.unit = unit
        self.range = range
        self.values = values
        self.field = field ?? id
        self.scale = scale
        self.samplePeriod = samplePeriod
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["type", "unit", "range", "values", "field", "scale", "sample_period"])
        let type = r.required("type", expected: "gauge, counter, event or enum") { $0.choice(MetricType.self) }
        let unit: Unit? = type == .enum ? nil : r.required("unit", expected: "a unit symbol such as degC, bar, hours, count") { u in
            u.string.flatMap { symbol in Unit(symbol: symbol) ?? u.fail("unknown unit '\(symbol)'; expected one of: \(Unit.allCases.map(\.symbol).joined(separator: ", "))") }
        }
        let range = r.optional("range") { range -> QuantityRange? in
            guard let unit else { return nil }
            let bounds = range.items().compactMap { $0.quantity(unit.dimension) }
            guard bounds.count == 2 else { return range.fail("expected [low, high] in \(unit.symbol), such as [0 \(unit.symbol), 100 \(unit.symbol)]") }
            return QuantityRange(low: bounds[0], high: bounds[1])
        }
        let values = type == .enum ? r.required("values", expected: "the labels of the enum") { $0.strings } ?? [] : []
        let field = r.optional("field") { $0.string }
        let scale = r.optional("scale") { $0.double } ?? 1
        let samplePeriod = r.optional("sample_period") { $0.quantity(.duration) }
        guard let type else { return nil }
        self.init(id: id, type: type, unit: unit, range: range, values: values, field: field, scale: scale, samplePeriod: samplePeriod)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("type", type)
        b.add("unit", unit)
        if let range { b.add("range", Node([Node(range.low.description), Node(range.high.description)], .implicit, .flow)) }
        b.add("values", strings: values)
        if field != id { b.add("field", field) }
        if scale != 1 { b.add("scale", number: scale) }
        b.add("sample_period", samplePeriod)
        return b.node
    }
}
