import FleetModel
import HeapModule
import Impact
import Maintenance

/// How many work orders are open and the most urgent of them (alarms first, then the oldest),
/// kept up to date from the pipeline's outputs, so a summary of a million devices does not look
/// through every device. Every open order has an entry in a heap by urgency. An order that ends
/// or is escalated leaves its old entry behind: it is dropped when it comes to the top and no
/// longer matches an open order of its device, or when such left-overs outnumber the open orders
/// twice over. Only then, and for the first look after a start, are the devices looked through.
struct OpenOrderBook: Sendable {
    private(set) var count = 0
    /// How often the devices were looked through (the daemon's debug log shows it).
    private(set) var looks = 0
    private var urgency = Heap<OrderUrgency>()
    /// Entries in `urgency` whose order ended or was escalated since.
    private var leftOver = 0
    /// The first look fills `urgency` from the devices; until then only `count` is kept.
    private var filled = false
    private static let leftOverSlack = 1024

    /// A book of `count` open orders, to be looked up on the first look.
    init(count: Int) {
        self.count = count
    }

    /// An order of the device `device` of `kind` (the device's own strings).
    mutating func issued(_ order: WorkOrder, kind: String, device: String) {
        count += 1
        if filled { urgency.insert(OrderUrgency(order, kind: kind, device: device)) }
    }

    /// The same order, now an alarm: it ranks higher than before.
    mutating func escalated(_ order: WorkOrder, kind: String, device: String) {
        guard filled else { return }
        leftOver += 1
        urgency.insert(OrderUrgency(order, kind: kind, device: device))
    }

    mutating func ended(_ order: WorkOrder) {
        count -= 1
        if filled { leftOver += 1 }
    }

    /// The `DaemonSummary.openOrderLimit` most urgent open orders: the heap's first entries that
    /// are still open, taken out and put back.
    mutating func mostUrgent(in devices: DeviceTable<DeviceState>) -> [WorkOrder] {
        if !filled || leftOver > 2 * count + Self.leftOverSlack {
            looks += 1
            // Room for exactly the open orders, after the old entries are gone: gathered into a
            // growing heap, a million devices' orders held up to three copies of it for a moment.
            urgency = Heap()
            var entries: [OrderUrgency] = []
            entries.reserveCapacity(count)
            for device in devices.values { entries += device.openOrders.lazy.map { OrderUrgency($0, of: device) } }
            urgency = Heap(consume entries)
            leftOver = 0
            filled = true
        }
        var orders: [WorkOrder] = []
        var taken: [OrderUrgency] = []
        while orders.count < DaemonSummary.openOrderLimit, let top = urgency.popMin() {
            if let order = top.order(in: devices) {
                orders.append(order)
                taken.append(top)
            } else {
                leftOver = max(0, leftOver - 1)
            }
        }
        for entry in taken { urgency.insert(entry) }
        return orders
    }
}
