import Foundation

/// What a fired CBM rule asks for: a kit for a device, fixed by a technician, remotely or by the
/// customer. The Impact ledger counts a trip only for technician orders. The value is the order's
/// current state: each status change is published again under the same id.
public struct WorkOrder: Sendable, Hashable, Codable, Identifiable, VersionedContract {
    /// As published on `fleetprint/workorders/<kind>/<device>` (docs/schemas/work-order.schema.json).
    public static let schemaVersion = "fleetprint.work-order/2"

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
    public var status: WorkOrderStatus
    /// Event time of the latest status change (`issuedAt` for an order just issued).
    public var statusAt: Date
    /// What ended it; set when `status` is `closed` or `cancelled`.
    public var closedBy: WorkOrderClosure?

    public init(id: String, device: String, kind: String, rule: String, issuedAt: Date, priority: WorkOrderPriority,
                kit: String? = nil, resolution: Resolution, note: String? = nil, reason: String? = nil, due: Date? = nil,
                status: WorkOrderStatus = .issued, statusAt: Date? = nil, closedBy: WorkOrderClosure? = nil) {
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
        self.status = status
        self.statusAt = statusAt ?? issuedAt
        self.closedBy = closedBy
    }

    /// The order after its status changed at `time` (an escalation keeps its other fields).
    public func with(status: WorkOrderStatus, at time: Date, closedBy closure: WorkOrderClosure? = nil) -> WorkOrder {
        var order = self
        order.status = status
        order.statusAt = time
        order.closedBy = closure
        return order
    }

    enum CodingKeys: String, CodingKey {
        case id, device, kind, rule, issuedAt, priority, kit, resolution, note, reason, due, status, statusAt, closedBy
    }

    /// Orders kept in checkpoints written before the lifecycle read as issued (or escalated, when
    /// already at alarm) at their issue time.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        device = try container.decode(String.self, forKey: .device)
        kind = try container.decode(String.self, forKey: .kind)
        rule = try container.decode(String.self, forKey: .rule)
        issuedAt = try container.decode(Date.self, forKey: .issuedAt)
        priority = try container.decode(WorkOrderPriority.self, forKey: .priority)
        kit = try container.decodeIfPresent(String.self, forKey: .kit)
        resolution = try container.decode(Resolution.self, forKey: .resolution)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
        due = try container.decodeIfPresent(Date.self, forKey: .due)
        status = try container.decodeIfPresent(WorkOrderStatus.self, forKey: .status) ?? .issued
        statusAt = try container.decodeIfPresent(Date.self, forKey: .statusAt) ?? issuedAt
        closedBy = try container.decodeIfPresent(WorkOrderClosure.self, forKey: .closedBy)
    }
}
