import FleetModel
import Impact
import Maintenance

/// How many work orders are open and the most urgent of them (alarms first, then the oldest),
/// kept up to date from the pipeline's outputs, so a summary of a million devices does not look
/// through every device. Only after one of the kept orders ended are the devices looked through
/// again, once.
struct OpenOrderBook: Sendable {
    private(set) var count = 0
    private var urgent: [WorkOrder] = []
    /// A kept order ended (or nothing was looked at yet): the next look goes through the devices.
    private var stale = true

    init(devices: [String: DeviceState]) {
        count = devices.values.reduce(0) { $0 + $1.openOrders.count }
    }

    mutating func issued(_ order: WorkOrder) {
        count += 1
        keep(order)
    }

    /// The order is the same, now an alarm: it may rank higher.
    mutating func escalated(_ order: WorkOrder) {
        urgent.removeAll { $0.id == order.id }
        keep(order)
    }

    mutating func ended(_ order: WorkOrder) {
        count -= 1
        if urgent.contains(where: { $0.id == order.id }) { stale = true }
    }

    /// The `DaemonSummary.openOrderLimit` most urgent open orders.
    mutating func mostUrgent(in devices: [String: DeviceState]) -> [WorkOrder] {
        if stale {
            urgent = []
            stale = false
            for device in devices.values {
                for open in device.openOrders { keep(open.order) }
            }
        }
        return urgent
    }

    private mutating func keep(_ order: WorkOrder) {
        guard !stale, urgent.count < DaemonSummary.openOrderLimit || Self.precedes(order, urgent[urgent.count - 1]) else { return }
        urgent.insert(order, at: urgent.firstIndex { Self.precedes(order, $0) } ?? urgent.endIndex)
        if urgent.count > DaemonSummary.openOrderLimit { urgent.removeLast() }
    }

    /// Alarms before alerts, older before newer, then by id, so the choice does not depend on the
    /// devices' order.
    private static func precedes(_ lhs: WorkOrder, _ rhs: WorkOrder) -> Bool {
        (lhs.priority == .alarm ? 0 : 1, lhs.issuedAt, lhs.id) < (rhs.priority == .alarm ? 0 : 1, rhs.issuedAt, rhs.id)
    }
}
