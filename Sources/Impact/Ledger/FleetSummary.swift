import FleetModel

/// The ledger priced per kind and for the fleet, small whatever the fleet's size: categories are
/// listed once, groups carry arrays in their order, the fleet travels as its kinds (a reader
/// sums them), and devices are never listed one by one (unpriced devices are counted, with a few
/// ids as a sample). Its JSON contract is `$defs/fleetSummary` of docs/schemas/summary.schema.json.
public struct FleetSummary: Sendable, Equatable, Codable, VersionedContract {
    public static let schemaVersion = "fleetprint.fleet-summary/3"
    /// How many unpriced device ids a summary names as a sample.
    public static let unpricedSampleLimit = 10

    /// The characterisation method and price set every number is in: summaries of different
    /// methods are never summed.
    public var method: String?
    public var priceSet: String?
    public var categories: [SummaryCategory]
    public var fleet: GroupSummary
    /// Sorted by kind.
    public var kinds: [GroupSummary]
    /// Devices of a kind no profile knows: counted, not priced.
    public var unpricedDevices: Int
    /// At most `unpricedSampleLimit` of their ids, sorted.
    public var unpricedSample: [String]

    public init(method: String?, priceSet: String?, categories: [SummaryCategory], fleet: GroupSummary, kinds: [GroupSummary],
                unpricedDevices: Int, unpricedSample: [String]) {
        self.method = method
        self.priceSet = priceSet
        self.categories = categories
        self.fleet = fleet
        self.kinds = kinds
        self.unpricedDevices = unpricedDevices
        self.unpricedSample = unpricedSample
    }

    enum CodingKeys: String, CodingKey {
        case schema, method, priceSet, categories, kinds, unpricedDevices, unpricedSample, fleetJudgement
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        _ = try container.decode(SchemaTag<FleetSummary>.self, forKey: .schema)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        priceSet = try container.decodeIfPresent(String.self, forKey: .priceSet)
        let categories = try container.decode([SummaryCategory].self, forKey: .categories)
        let path = container.codingPath
        self.categories = categories
        let kinds = try container.decode([WireGroup].self, forKey: .kinds).map { try $0.group(categories: categories, path: path + [CodingKeys.kinds]) }
        self.kinds = kinds
        fleet = Self.fleet(of: kinds, categories: categories)
        unpricedDevices = try container.decode(Int.self, forKey: .unpricedDevices)
        unpricedSample = try container.decode([String].self, forKey: .unpricedSample)
    }

    /// The fleet as the sum of its kinds (the summary carries only the kinds).
    static func fleet(of kinds: [GroupSummary], categories: [SummaryCategory]) -> GroupSummary {
        var fleet = kinds.dropFirst().reduce(kinds.first ?? WireGroup.empty(categories: categories), +)
        fleet.name = "fleet"
        return fleet
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SchemaTag<FleetSummary>(), forKey: .schema)
        try container.encodeIfPresent(method, forKey: .method)
        try container.encodeIfPresent(priceSet, forKey: .priceSet)
        try container.encode(categories, forKey: .categories)
        try container.encode(kinds.map { WireGroup($0, categories: categories) }, forKey: .kinds)
        try container.encode(WireJudgement(fleet, categories: categories, withEvidence: true), forKey: .fleetJudgement)
        try container.encode(unpricedDevices, forKey: .unpricedDevices)
        try container.encode(unpricedSample, forKey: .unpricedSample)
    }
}
