import FleetModel
import Impact
import Maintenance

/// How many work orders are open and the most urgent of them (alarms first, then the oldest),
/// kept up to date from the pipeline's outputs, so a summary of a million devices does not look
/// through every device. It keeps a reserve of the most urgent orders, larger than a summary
/// lists: every other open order ranks after all of them, so an order of the reserve may end
/// without a look through the devices; only when fewer than a summary's worth remain are the
/// devices looked through again, once.
struct OpenOrderBook: Sendable {
    private(set) var count = 0
    /// How often the devices were looked through (the daemon's debug log shows it).
    private(set) var looks = 0
    /// The most urgent open orders, most urgent first.
    private var reserve: [WorkOrder] = []
    /// Nothing was looked at yet: the first look goes through the devices.
    private var stale = true
    private static let capacity = 16 * DaemonSummary.openOrderLimit

    /// A book of `count` open orders, to be looked up on the first look.
    init(count: Int) {
        self.count = count
    }

    mutating func issued(_ order: WorkOrder) {
        count += 1
        admit(order, kept: false)
    }

    /// The same order, now an alarm: it ranks higher than before.
    mutating func escalated(_ order: WorkOrder) {
        admit(order, kept: forget(order.id))
    }

    mutating func ended(_ order: WorkOrder) {
        count -= 1
        _ = forget(order.id)
    }

    /// The `DaemonSummary.openOrderLimit` most urgent open orders.
    mutating func mostUrgent(in devices: [String: DeviceState]) -> [WorkOrder] {
        if stale || (reserve.count < DaemonSummary.openOrderLimit && reserve.count < count) {
            reserve = []
            looks += 1
            for device in devices.values {
                for open in device.openOrders where reserve.count < Self.capacity || Self.precedes(open.order, reserve[reserve.count - 1]) {
                    insert(open.order)
                }
            }
            stale = false
        }
        return Array(reserve.prefix(DaemonSummary.openOrderLimit))
    }

    /// Takes `order` into the reserve when that keeps every order outside ranking after it: it was
    /// kept before, or nothing else is outside, or it ranks before the reserve's last.
    private mutating func admit(_ order: WorkOrder, kept: Bool) {
        guard !stale else { return }
        let othersOutside = count - reserve.count - 1
        guard kept || othersOutside == 0 || reserve.last.map({ Self.precedes(order, $0) }) == true else { return }
        insert(order)
    }

    private mutating func insert(_ order: WorkOrder) {
        reserve.insert(order, at: reserve.firstIndex { Self.precedes(order, $0) } ?? reserve.endIndex)
        if reserve.count > Self.capacity { reserve.removeLast() }
    }

    /// Drops the order from the reserve; whether it was there.
    private mutating func forget(_ id: String) -> Bool {
        guard let index = reserve.firstIndex(where: { $0.id == id }) else { return false }
        reserve.remove(at: index)
        return true
    }

    /// Alarms before alerts, older before newer, then by id, so the choice does not depend on the
    /// devices' order.
    private static func precedes(_ lhs: WorkOrder, _ rhs: WorkOrder) -> Bool {
        (lhs.priority == .alarm ? 0 : 1, lhs.issuedAt, lhs.id) < (rhs.priority == .alarm ? 0 : 1, rhs.issuedAt, rhs.id)
    }
}
