import FleetModel
import Foundation
import Maintenance

/// Where an open work order ranks among all open orders: alarms before alerts, older before
/// newer, then by device key and number, so the ranking does not depend on the devices' order.
/// Small (its kind and device id are the device's own strings), so the open-order book can keep
/// one for every open order.
struct OrderUrgency: Comparable, Sendable {
    let rank: UInt8
    let number: UInt32
    let issuedAt: Date
    let kind: String
    let device: String

    init(_ order: WorkOrder, kind: String, device: String) {
        self.init(priority: order.priority, number: UInt32(clamping: WorkOrder.number(ofID: order.id) ?? 0), issuedAt: order.issuedAt, kind: kind, device: device)
    }

    init(_ open: OpenOrder, of device: DeviceState) {
        self.init(priority: open.priority, number: open.number, issuedAt: open.issuedAt, kind: device.kind, device: device.device)
    }

    private init(priority: WorkOrderPriority, number: UInt32, issuedAt: Date, kind: String, device: String) {
        rank = priority == .alarm ? 0 : 1
        self.number = number
        self.issuedAt = issuedAt
        self.kind = kind
        self.device = device
    }

    static func < (lhs: Self, rhs: Self) -> Bool {
        if (lhs.rank, lhs.issuedAt) != (rhs.rank, rhs.issuedAt) { return (lhs.rank, lhs.issuedAt) < (rhs.rank, rhs.issuedAt) }
        if lhs.kind == rhs.kind && lhs.device == rhs.device { return lhs.number < rhs.number }
        return DeviceIdentity.key(kind: lhs.kind, id: lhs.device, precedes: rhs.kind, rhs.device)
    }

    /// The order this stands for, while it is open and still ranks so (an escalated order has a
    /// new entry).
    func order(in devices: DeviceTable<DeviceState>) -> WorkOrder? {
        guard let place = devices.index(kind: kind, id: device) else { return nil }
        let device = devices[place: place]
        guard let open = device.openOrders.first(where: { $0.number == number }), OrderUrgency(open, of: device) == self else { return nil }
        return open.workOrder(of: device)
    }
}
