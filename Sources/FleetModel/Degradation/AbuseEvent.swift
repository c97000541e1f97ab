import Yams

/// Damage from outside rather than wear: a collision with a gate, a crane hitting a container.
public struct AbuseEvent: Sendable, Hashable, KeyedEntry {
    public var id: String
    public var meanInterval: Quantity
    /// Counter metric `meanInterval` is measured in (emptyings); nil for calendar time.
    public var usage: String?
    /// Event metric that records it.
    public var metric: String
    /// Share of events that damage the device and need `kit`.
    public var damageShare: Quantity
    public var kit: String?

    public init(id: String, meanInterval: Quantity, usage: String? = nil, metric: String, damageShare: Quantity, kit: String? = nil) {
        self.id = id
        self.meanInterval = meanInterval
        self.usage = usage
        self.metric = metric
        self.damageShare = damageShare
        self.kit = kit
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["mean_interval", "usage", "metric", "damage_share", "kit"])
        let meanInterval = r.required("mean_interval", expected: "mean time or usage between events") { $0.quantity(in: QuantityDimension.allCases) }
        let usage = r.optional("usage") { $0.string }
        let metric = r.required("metric", expected: "the event metric that records it") { $0.string }
        let damageShare = r.required("damage_share", expected: "the share of events that cause damage") { $0.quantity(.ratio) }
        let kit = r.optional("kit") { $0.string }
        guard let meanInterval, let metric, let damageShare else { return nil }
        self.init(id: id, meanInterval: meanInterval, usage: usage, metric: metric, damageShare: damageShare, kit: kit)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("mean_interval", meanInterval)
        b.add("usage", usage)
        b.add("metric", metric)
        b.add("damage_share", damageShare)
        b.add("kit", kit)
        return b.node
    }
}
