/// Fires when an event (or an enum label) occurs `count` times within `window`: "3 times in 24 h".
public struct Repetition: Sendable, Hashable {
    public var count: Int
    public var window: Quantity
    /// The enum label to count; nil counts every event of the metric.
    public var value: String?

    public init(count: Int, window: Quantity, value: String? = nil) {
        self.count = count
        self.window = window
        self.value = value
    }
}
