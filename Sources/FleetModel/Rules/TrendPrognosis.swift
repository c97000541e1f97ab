/// Prognosis: fits a trend over `window` and fires when it predicts the metric crosses `limit`
/// within `horizon`, so a part is ordered before it fails.
public struct TrendPrognosis: Sendable, Hashable {
    public var direction: Direction
    public var limit: Quantity
    public var window: Quantity
    public var horizon: Quantity

    public init(direction: Direction, limit: Quantity, window: Quantity, horizon: Quantity) {
        self.direction = direction
        self.limit = limit
        self.window = window
        self.horizon = horizon
    }
}
