/// An amount of a factor-table item: "1 count" of an IoT hardware block, or "0.005 kg" of plastics.
/// The amount's unit must match the factor's reference unit (per unit, per kg).
public struct ItemAmount: Sendable, Hashable {
    public var item: String
    public var amount: Quantity

    public init(item: String, amount: Quantity) {
        self.item = item
        self.amount = amount
    }
}
