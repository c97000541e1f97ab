import Yams

/// How a gauge drifts as the device wears: `change` per `per` of usage (a counter metric) or of
/// calendar time, varying by `spread`; the kits in `restoredBy` bring it back to `start`.
public struct WearRate: Sendable, Hashable, KeyedEntry {
    /// In `restoredBy`: an emptying (a collection) brings the metric back, as for a fill level.
    public static let collection = "collection"

    /// The drifting metric.
    public var id: String
    public var change: Quantity
    public var per: Quantity
    /// Counter metric that drives the wear; nil for calendar time.
    public var usage: String?
    public var spread: Quantity
    public var restoredBy: [String]
    /// Value of a new or restored device; nil lets the simulator pick one on the healthy side of the rules.
    public var start: Quantity?
    /// Value at which the device fails beyond repair (a battery's state of health); such wear is never restored.
    public var endOfLife: Quantity?

    public init(id: String, change: Quantity, per: Quantity, usage: String? = nil, spread: Quantity, restoredBy: [String],
                start: Quantity? = nil, endOfLife: Quantity? = nil) {
        self.id = id
        self.change = change
        self.per = per
        self.usage = usage
        self.spread = spread
        self.restoredBy = restoredBy
        self.start = start
        self.endOfLife = endOfLife
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["change", "per", "usage", "spread", "restored_by", "start", "end_of_life"])
        let change = r.required("change", expected: "the drift, in the metric's unit") { $0.quantity(in: QuantityDimension.allCases) }
        let per = r.required("per", expected: "an amount of usage or time") { $0.quantity(in: QuantityDimension.allCases) }
        let usage = r.optional("usage") { $0.string }
        let spread = r.optional("spread") { $0.quantity(.ratio) } ?? Quantity(0, .percent)
        let restoredBy = r.optional("restored_by") { $0.strings } ?? []
        let start = r.optional("start") { $0.quantity(in: QuantityDimension.allCases) }
        let endOfLife = r.optional("end_of_life") { $0.quantity(in: QuantityDimension.allCases) }
        guard let change, let per else { return nil }
        self.init(id: id, change: change, per: per, usage: usage, spread: spread, restoredBy: restoredBy, start: start, endOfLife: endOfLife)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("change", change)
        b.add("per", per)
        b.add("usage", usage)
        b.add("spread", spread)
        b.add("restored_by", strings: restoredBy)
        b.add("start", start)
        b.add("end_of_life", endOfLife)
        return b.node
    }
}
