import Yams

/// A random fault: how often, how it shows in telemetry (an enum label or an event), who can fix
/// it, and which kit a technician needs. Faults resolvable remotely or by the customer save a
/// trip only under a policy with `remote_diagnosis`.
public struct FaultSpec: Sendable, Hashable, KeyedEntry {
    public var id: String
    /// Mean time (or usage) between occurrences per device.
    public var meanInterval: Quantity
    /// Counter metric `meanInterval` is measured in; nil for calendar time.
    public var usage: String?
    public var metric: String
    /// Enum label the fault shows as; nil for an event metric.
    public var value: String?
    public var resolution: Resolution
    public var kit: String?

    public init(id: String, meanInterval: Quantity, usage: String? = nil, metric: String, value: String? = nil,
                resolution: Resolution, kit: String? = nil) {
        self.id = id
        self.meanInterval = meanInterval
        self.usage = usage
        self.metric = metric
        self.value = value
        self.resolution = resolution
        self.kit = kit
    }

    init?(id: String, reading r: NodeReader) {
        r.allowOnly(["mean_interval", "usage", "metric", "value", "resolution", "kit"])
        let meanInterval = r.required("mean_interval", expected: "mean time or usage between faults") { $0.quantity(in: QuantityDimension.allCases) }
        let usage = r.optional("usage") { $0.string }
        let metric = r.required("metric", expected: "the metric the fault shows in") { $0.string }
        let value = r.optional("value") { $0.string }
        let resolution = r.required("resolution", expected: "technician, remote or customer") { $0.choice(Resolution.self) }
        let kit = r.optional("kit") { $0.string }
        guard let meanInterval, let metric, let resolution else { return nil }
        self.init(id: id, meanInterval: meanInterval, usage: usage, metric: metric, value: value, resolution: resolution, kit: kit)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("mean_interval", meanInterval)
        b.add("usage", usage)
        b.add("metric", metric)
        b.add("value", value)
        b.add("resolution", resolution)
        b.add("kit", kit)
        return b.node
    }
}
