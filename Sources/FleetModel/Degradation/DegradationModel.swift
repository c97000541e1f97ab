import Yams

/// The simulator's parameters for one kind: usage, wear, random faults, abuse and seasons.
/// Loaded and checked here so that the simulator (a later module) starts from valid data.
public struct DegradationModel: Sendable, Hashable {
    public var usage: [UsageRate]
    public var wear: [WearRate]
    public var faults: [FaultSpec]
    public var abuse: [AbuseEvent]
    public var seasonality: Seasonality?
    public var source: String

    public init(usage: [UsageRate], wear: [WearRate], faults: [FaultSpec], abuse: [AbuseEvent], seasonality: Seasonality?, source: String) {
        self.usage = usage
        self.wear = wear
        self.faults = faults
        self.abuse = abuse
        self.seasonality = seasonality
        self.source = source
    }

    init?(reading r: NodeReader) {
        r.allowOnly(["usage", "wear", "faults", "abuse", "seasonality", "source"])
        let usage = r.section("usage", of: UsageRate.self)
        let wear = r.section("wear", of: WearRate.self)
        let faults = r.section("faults", of: FaultSpec.self)
        let abuse = r.section("abuse", of: AbuseEvent.self)
        let seasonality = r.optional("seasonality") { Seasonality(reading: $0) }
        let source = r.required("source", expected: "a source id") { $0.string }
        guard let source else { return nil }
        self.init(usage: usage, wear: wear, faults: faults, abuse: abuse, seasonality: seasonality, source: source)
    }

    var node: Node {
        var b = NodeBuilder()
        b.add("usage", section: usage)
        b.add("wear", section: wear)
        b.add("faults", section: faults)
        b.add("abuse", section: abuse)
        b.add("seasonality", seasonality?.node)
        b.add("source", source)
        return b.node
    }
}
