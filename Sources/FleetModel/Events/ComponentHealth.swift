/// Health of one serviceable component of a device (ISO 13374 health assessment): 1 is as new,
/// 0 is at the alarm limit. A component is what one order services: the rule's kit, or the rule
/// itself when it names none.
public struct ComponentHealth: Sendable, Hashable, Codable {
    public var component: String
    public var health: Double
    /// The rule that scores lowest, which a dashboard shows as the cause.
    public var worstRule: String

    public init(component: String, health: Double, worstRule: String) {
        self.component = component
        self.health = health
        self.worstRule = worstRule
    }
}
