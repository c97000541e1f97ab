import Yams

/// How often a collection trip (emptying) serves the device: on a fixed round in the baseline,
/// when full in the smart case, where `interval` is then the resulting average.
public struct CollectionPlan: Sendable, Hashable {
    public var interval: Quantity
    public var trip: String
    /// Fill level that triggers an emptying; nil for a fixed round.
    public var fillThreshold: Quantity?

    public init(interval: Quantity, trip: String, fillThreshold: Quantity? = nil) {
        self.interval = interval
        self.trip = trip
        self.fillThreshold = fillThreshold
    }

    init?(reading r: NodeReader) {
        r.allowOnly(["interval", "trip", "fill_threshold"])
        let interval = r.required("interval", expected: "the (average) time between emptyings") { $0.quantity(.duration) }
        let trip = r.required("trip", expected: "a trip id") { $0.string }
        let fillThreshold = r.optional("fill_threshold") { $0.quantity(.ratio) }
        guard let interval, let trip else { return nil }
        self.init(interval: interval, trip: trip, fillThreshold: fillThreshold)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("interval", interval)
        b.add("trip", trip)
        b.add("fill_threshold", fillThreshold)
        return b.node
    }
}
