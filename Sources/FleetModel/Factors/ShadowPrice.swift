/// The price of one unit of one category of one method: what turns a category into euros for
/// the single score and weights the categories of a rose indicator.
public struct ShadowPrice: Sendable, Hashable {
    public var category: String
    public var euroPerUnit: Double
    public var low: Double?
    public var high: Double?
    /// "CE Delft Environmental Prices Handbook 2024 EU27, Table 7, central (EUR2021)".
    public var source: String
    /// Price year of the euros.
    public var year: Int?
}
