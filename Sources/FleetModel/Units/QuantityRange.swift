/// A low-high pair in one dimension: a metric's valid range, or the spread of a lifetime (3 to 5 years).
public struct QuantityRange: Sendable, Hashable {
    public var low: Quantity
    public var high: Quantity

    public init(low: Quantity, high: Quantity) {
        self.low = low
        self.high = high
    }

    public func contains(_ quantity: Quantity) -> Bool {
        quantity.baseValue >= low.baseValue && quantity.baseValue <= high.baseValue
    }
}
