/// One side of a comparison: its flows and their impacts per term.
public struct Side: Sendable, Hashable, Codable {
    public var inventory: Inventory
    public var impacts: TermImpacts

    public init(inventory: Inventory, impacts: TermImpacts) {
        self.inventory = inventory
        self.impacts = impacts
    }

    public init(inventory: Inventory, characterizer: Characterizer) {
        self.init(inventory: inventory, impacts: characterizer.impacts(of: inventory))
    }

    public static let empty = Side(inventory: Inventory(), impacts: TermImpacts())

    public static func + (lhs: Side, rhs: Side) -> Side {
        Side(inventory: lhs.inventory + rhs.inventory, impacts: lhs.impacts + rhs.impacts)
    }
}
