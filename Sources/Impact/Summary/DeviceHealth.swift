/// One component's health as a device's detail carries it: 1 as new, 0 at the alarm limit, and
/// the rule that scores lowest.
public struct DeviceHealth: Sendable, Equatable, Codable {
    public var component: String
    public var health: Double
    public var worstRule: String

    public init(component: String, health: Double, worstRule: String) {
        self.component = component
        self.health = health
        self.worstRule = worstRule
    }
}
