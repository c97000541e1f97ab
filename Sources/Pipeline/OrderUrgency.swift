import FleetModel
import Foundation
import Maintenance

/// Where an open work order ranks among all open orders: alarms before alerts, older before
/// newer, then by id, so the ranking does not depend on the devices' order. Small (its id shares
/// the order's string storage), so the open-order book can keep one for every open order.
struct OrderUrgency: Comparable, Sendable {
    let rank: UInt8
    let issuedAt: Date
    let id: String

    init(_ order: WorkOrder) {
        rank = order.priority == .alarm ? 0 : 1
        issuedAt = order.issuedAt
        id = order.id
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.rank, lhs.issuedAt, lhs.id) < (rhs.rank, rhs.issuedAt, rhs.id)
    }

    /// The order this stands for, while it is open and still ranks so (an escalated order has a
    /// new entry). Its id names its device.
    func order(in devices: DeviceTable<DeviceState>) -> WorkOrder? {
        guard let key = WorkOrder.deviceKey(ofID: id), let device = devices[String(key)],
              let open = device.openOrders.first(where: { $0.order.id == id }), OrderUrgency(open.order) == self else { return nil }
        return open.order
    }
}
