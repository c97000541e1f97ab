import Foundation

/// What a fired CBM rule asks for: a kit for a device, fixed by a technician, remotely or by the
/// customer. The Impact ledger counts a trip only for technician orders.
public struct WorkOrder: Sendable, Hashable, Codable, Identifiable, VersionedContract {
    /// As published on `fleetprint/orders/<kind>/<device>` (docs/schemas/work-order.schema.json).
    public static let schemaVersion = "fleetprint.work-order/1"

    public var id: String
    public var device: String
    public var kind: String
    /// The rule (`RuleSpec.id`) that fired.
    public var rule: String
    /// Event time of the reading that fired the rule.
    public var issuedAt: Date
    public var priority: WorkOrderPriority
    public var kit: String?
    public var resolution: Resolution
    public var note: String?
    /// Why it was issued, with the values that fired the rule, for the engineer who reads it.
    public var reason: String?
    /// When the work should be done, from the prognosis's remaining useful life.
    public var due: Date?

    public init(id: String, device: String, kind: String, rule: String, issuedAt: Date, priority: WorkOrderPriority,
                kit: String? = nil, resolution: Resolution, note: String? = nil, reason: String? = nil, due: Date? = nil) {
        self.id = id
        self.device = device
        self.kind = kind
        self.rule = rule
        self.issuedAt = issuedAt
        self.priority = priority
        self.kit = kit
        self.resolution = resolution
        self.note = note
        self.reason = reason
        self.due = due
    }
}
