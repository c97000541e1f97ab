import FleetModel
import Foundation
import Maintenance

/// Where an open work order ranks among all open orders: alarms before alerts, older before
/// newer, then by device key and number, so the ranking does not depend on the devices' order.
/// Small (its key is the device table's own string), so the open-order book can keep one for
/// every open order.
struct OrderUrgency: Comparable, Sendable {
    let rank: UInt8
    let number: UInt32
    let issuedAt: Date
    let key: String

    init(_ order: WorkOrder, key: String) {
        self.init(priority: order.priority, number: UInt32(clamping: WorkOrder.number(ofID: order.id) ?? 0), issuedAt: order.issuedAt, key: key)
    }

    init(_ open: OpenOrder, key: String) {
        self.init(priority: open.priority, number: open.number, issuedAt: open.issuedAt, key: key)
    }

    private init(priority: WorkOrderPriority, number: UInt32, issuedAt: Date, key: String) {
        rank = priority == .alarm ? 0 : 1
        self.number = number
        self.issuedAt = issuedAt
        self.key = key
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.rank, lhs.issuedAt, lhs.key, lhs.number) < (rhs.rank, rhs.issuedAt, rhs.key, rhs.number)
    }

    /// The order this stands for, while it is open and still ranks so (an escalated order has a
    /// new entry).
    func order(in devices: DeviceTable<DeviceState>) -> WorkOrder? {
        guard let place = devices.index(forKey: key) else { return nil }
        let device = devices[place: place]
        guard let open = device.openOrders.first(where: { $0.number == number }), OrderUrgency(open, key: key) == self else { return nil }
        return open.workOrder(of: device)
    }
}
