/// A limit check with an alert level, an alarm level, a minimum duration before it fires, and a
/// clear level for hysteresis, so that a value hovering at the limit does not flap.
public struct Threshold: Sendable, Hashable {
    public var direction: Direction
    public var alert: Quantity?
    public var alarm: Quantity?
    /// How long the limit must be crossed before the rule fires.
    public var duration: Quantity?
    /// The level the value must return past before the rule can fire again.
    public var clear: Quantity?

    public init(direction: Direction, alert: Quantity? = nil, alarm: Quantity? = nil, duration: Quantity? = nil, clear: Quantity? = nil) {
        self.direction = direction
        self.alert = alert
        self.alarm = alarm
        self.duration = duration
        self.clear = clear
    }
}
