import FleetModel
import Foundation

/// An issued order not yet closed, in what its `WorkOrder` holds apart from its device (the
/// device's own strings) and its id (the device's key and `number`): 56 bytes and its reason,
/// where a whole order took about 200 and an id string of its own. `workOrder(of:)` rebuilds it.
public struct OpenOrder: Sendable, Hashable {
    public let origin: OrderOrigin
    /// Its number on its device (`WorkOrder.id(of:number:)`).
    public let number: UInt32
    public internal(set) var priority: WorkOrderPriority
    public internal(set) var status: WorkOrderStatus
    public internal(set) var reason: String?
    public let issuedAt: Date
    public internal(set) var statusAt: Date
    @Packed public internal(set) var due: Date?

    init(origin: OrderOrigin, number: UInt32, priority: WorkOrderPriority, reason: String?, issuedAt: Date, due: Date?,
         status: WorkOrderStatus = .issued, statusAt: Date? = nil) {
        self.origin = origin
        self.number = number
        self.priority = priority
        self.status = status
        self.reason = reason
        self.issuedAt = issuedAt
        self.statusAt = statusAt ?? issuedAt
        self.due = due
    }

    /// Raised to alarm at `time` for `reason`, due by `latest` at the latest.
    mutating func escalate(reason: String, at time: Date, dueBy latest: Date) {
        (status, statusAt, priority, self.reason) = (.escalated, time, .alarm, reason)
        due = min(due ?? .distantFuture, latest)
    }

    /// The order as published, for `state`, the device it belongs to.
    public func workOrder(of state: DeviceState) -> WorkOrder {
        WorkOrder(id: WorkOrder.id(of: state.identity, number: Int(number)), device: state.device, kind: state.kind, rule: origin.rule,
                  issuedAt: issuedAt, priority: priority, kit: origin.kit, resolution: origin.resolution, note: origin.note,
                  reason: reason, due: due, status: status, statusAt: statusAt)
    }
}
