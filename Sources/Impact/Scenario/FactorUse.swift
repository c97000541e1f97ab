import FleetModel

/// A factor a result used, with its source, so that every number in a report can be traced.
public struct FactorUse: Sendable, Hashable, Codable {
    public var item: String
    public var category: String
    public var value: Double
    public var unit: String
    public var low: Double?
    public var high: Double?
    public var source: String
    public var year: Int?
    public var licence: String
    public var origin: String

    public init(_ factor: Factor) {
        item = factor.item
        category = factor.category
        value = factor.value
        unit = factor.unit.description
        low = factor.low
        high = factor.high
        source = factor.source
        year = factor.year
        licence = factor.licence
        origin = factor.origin
    }
}
