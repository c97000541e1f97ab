/// Fires when a counter has grown by `alert` (or `alarm`) since the last service: 2000 burner hours.
public struct CounterLimit: Sendable, Hashable {
    public var alert: Quantity?
    public var alarm: Quantity?

    public init(alert: Quantity? = nil, alarm: Quantity? = nil) {
        self.alert = alert
        self.alarm = alarm
    }
}
