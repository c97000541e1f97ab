import FleetModel

/// What every order of one rule says alike: the rule, the component it services, its kit,
/// resolution and note. One object per rule of the engine, shared by all of the rule's open
/// orders, so an open order holds one pointer for them (an order restored under a rule that has
/// changed since, or is gone, keeps an object of its own with what it was issued with).
public final class OrderOrigin: Sendable, Hashable {
    public let rule: String
    /// At most one order is open per component, which is how repeated firings are deduplicated:
    /// the kit it asks for, or the rule itself when it names no kit.
    public let component: String
    public let kit: String?
    public let resolution: Resolution
    public let note: String?
    /// The rule's metric, which a missing-data order's reason names (`OrderReason.silent`); nil
    /// in an origin of its own, restored under a rule that has changed since.
    let metric: String?

    init(rule: String, component: String, kit: String?, resolution: Resolution, note: String?, metric: String? = nil) {
        self.rule = rule
        self.metric = metric
        self.component = component
        self.kit = kit
        self.resolution = resolution
        self.note = note
    }

    public static func == (lhs: OrderOrigin, rhs: OrderOrigin) -> Bool {
        lhs === rhs || (lhs.rule, lhs.component, lhs.kit, lhs.resolution, lhs.note) == (rhs.rule, rhs.component, rhs.kit, rhs.resolution, rhs.note)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rule)
        hasher.combine(component)
    }
}
