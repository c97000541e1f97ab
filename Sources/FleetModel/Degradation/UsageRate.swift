import Yams

/// How fast a counter metric grows in use: `amount` per `period`, varying by `spread` between
/// devices (5 burner hours per day, +/- 30 %).
public struct UsageRate: Sendable, Hashable, KeyedEntry {
    /// The counter metric.
    public var id: String
    public var amount: Quantity
    public var period: Quantity
    public var spread: Quantity

    public init(id: String, amount: Quantity, period: Quantity, spread: Quantity) {
        self.id = id
        self.amount = amount
        self.period = period
        self.spread = spread
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["amount", "per", "spread"])
        let amount = r.required("amount", expected: "usage per period, in the metric's unit") { $0.quantity(in: QuantityDimension.allCases) }
        let period = r.required("per", expected: "the period") { $0.quantity(.duration) }
        let spread = r.optional("spread") { $0.quantity(.ratio) } ?? Quantity(0, .percent)
        guard let amount, let period else { return nil }
        self.init(id: id, amount: amount, period: period, spread: spread)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("amount", amount)
        b.add("per", period)
        b.add("spread", spread)
        return b.node
    }
}
