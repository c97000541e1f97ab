/// A category as a summary lists it once, at the top: the groups' numbers are arrays in this order.
public struct SummaryCategory: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var unit: String
    /// The price set's euros per unit; absent where it has none. Groups' euros follow from it.
    public var euroPerUnit: Double?

    public init(id: String, name: String, unit: String, euroPerUnit: Double? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.euroPerUnit = euroPerUnit
    }
}
