/// Fires when a metric changes by more than `change` within `window` (a sudden pressure drop).
public struct RateOfChange: Sendable, Hashable {
    public var direction: Direction
    public var change: Quantity
    public var window: Quantity

    public init(direction: Direction, change: Quantity, window: Quantity) {
        self.direction = direction
        self.change = change
        self.window = window
    }
}
