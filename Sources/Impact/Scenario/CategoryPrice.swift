import FleetModel

/// The shadow price one category was weighted with, and where it comes from; nil where the
/// price set has none (that category is left out of every euro figure).
public struct CategoryPrice: Sendable, Hashable, Codable {
    public var category: String
    public var unit: String
    public var euroPerUnit: Double?
    public var source: String?

    public init(_ category: ImpactCategory) {
        self.category = category.id
        unit = category.unit
        euroPerUnit = category.euroPerUnit
        source = category.priceSource
    }
}
