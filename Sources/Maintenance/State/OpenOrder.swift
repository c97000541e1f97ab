import FleetModel
import Foundation

/// An issued order not yet closed, in what its `WorkOrder` holds apart from its device (the
/// device's own strings) and its id (the device's key and `number`): 56 bytes, and a text of its
/// own only when its reason is not a missing-data rule's, where a whole order took about 200 and
/// an id string of its own. `workOrder(of:)` rebuilds it. The reason comes first, so that the
/// one byte its cases add to a string's sixteen shares a word with the priority, status and number.
public struct OpenOrder: Sendable, Hashable {
    var reason: OrderReason?
    public internal(set) var priority: WorkOrderPriority
    public internal(set) var status: WorkOrderStatus
    /// Its number on its device (`WorkOrder.id(of:number:)`).
    public let number: UInt32
    public let origin: OrderOrigin
    public let issuedAt: Date
    public internal(set) var statusAt: Date
    @Packed public internal(set) var due: Date?

    init(origin: OrderOrigin, number: UInt32, priority: WorkOrderPriority, reason: OrderReason?, issuedAt: Date, due: Date?,
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
    mutating func escalate(reason: OrderReason, at time: Date, dueBy latest: Date) {
        (status, statusAt, priority, self.reason) = (.escalated, time, .alarm, reason)
        due = min(due ?? .distantFuture, latest)
    }

    /// The order as published, for `state`, the device it belongs to.
    public func workOrder(of state: DeviceState) -> WorkOrder {
        WorkOrder(id: WorkOrder.id(of: state.identity, number: Int(number)), device: state.device, kind: state.kind, rule: origin.rule,
                  issuedAt: issuedAt, priority: priority, kit: origin.kit, resolution: origin.resolution, note: origin.note,
                  reason: reason?.text(of: origin), due: due, status: status, statusAt: statusAt)
    }
}
