import FleetModel
import HeapModule
import Impact
import Maintenance

/// How many work orders are open and the most urgent of them (alarms first, then the oldest),
/// kept up to date from the pipeline's outputs, so a summary of a million devices does not look
/// through every device. Only the `limit` most urgent orders are kept ranked (a heap at both ends):
/// an order ranking behind all of them once the book is full is left out, and the least urgent
/// one kept goes when one more comes; every open order left out ranks behind every one kept. An
/// order that ends or is escalated leaves its old entry behind, dropped when it comes to the top
/// and no longer matches an open order of its device. When fewer than the summary's orders are
/// left kept and some were left out, and for the first look after a start, the devices are
/// looked through: about 0.4 s at a million devices, once the orders closing at the top have used
/// up the 32,768 kept by default (1.5 MB). The book took an entry for every open order before:
/// 36 MB for a million devices' 750,000 orders.
struct OpenOrderBook: Sendable {
    private(set) var count = 0
    /// How often the devices were looked through (the daemon's debug log shows it).
    private(set) var looks = 0
    private let limit: Int
    private var urgency = Heap<OrderUrgency>()
    /// Whether some open orders are not kept (they rank behind every kept one).
    private var leftOut = false
    /// The first look fills `urgency` from the devices; until then only `count` is kept.
    private var filled = false

    /// A book of `count` open orders, to be looked up on the first look, keeping the `limit` most urgent.
    init(count: Int, limit: Int) {
        self.count = count
        self.limit = max(limit, DaemonSummary.openOrderLimit)
    }

    /// An order of the device `device` of `kind` (the device's own strings).
    mutating func issued(_ order: WorkOrder, kind: String, device: String) {
        count += 1
        if filled { keep(OrderUrgency(order, kind: kind, device: device)) }
    }

    /// The same order, now an alarm: it ranks higher than before.
    mutating func escalated(_ order: WorkOrder, kind: String, device: String) {
        if filled { keep(OrderUrgency(order, kind: kind, device: device)) }
    }

    /// `orders` orders closed or cancelled (their entries go when they come to the top).
    mutating func ended(_ orders: Int) {
        count -= orders
    }

    /// The `DaemonSummary.openOrderLimit` most urgent open orders: the heap's first entries that
    /// are still open, taken out and put back.
    mutating func mostUrgent(in devices: DeviceTable<DeviceState>) -> [WorkOrder] {
        if !filled { look(through: devices) }
        var (orders, taken) = top(in: devices)
        if orders.count < DaemonSummary.openOrderLimit && leftOut {
            look(through: devices)
            (orders, taken) = top(in: devices)
        }
        for entry in taken { urgency.insert(entry) }
        return orders
    }

    /// Keeps `entry` when it ranks ahead of the least urgent kept one, or while none were left out.
    /// A full book trades its least urgent entry for it in place: one more entry, even for a
    /// moment, doubled the heap's room (3.1 MB where 32,768 entries take 1.6).
    private mutating func keep(_ entry: OrderUrgency) {
        guard urgency.count >= limit else {
            if leftOut, let last = urgency.max, !(entry < last) { return }
            urgency.insert(entry)
            return
        }
        leftOut = true
        if let last = urgency.max, entry < last { urgency.replaceMax(with: entry) }
    }

    /// Ranks every device's open orders again, keeping the most urgent.
    private mutating func look(through devices: DeviceTable<DeviceState>) {
        looks += 1
        urgency = Heap()
        leftOut = false
        filled = true
        for device in devices.values {
            for open in device.openOrders { keep(OrderUrgency(open, of: device)) }
        }
    }

    /// The first kept entries that are still open orders, as orders and as entries (taken out of
    /// the heap); entries of ended orders met on the way are dropped.
    private mutating func top(in devices: DeviceTable<DeviceState>) -> (orders: [WorkOrder], taken: [OrderUrgency]) {
        var orders: [WorkOrder] = []
        var taken: [OrderUrgency] = []
        while orders.count < DaemonSummary.openOrderLimit, let top = urgency.popMin() {
            guard let order = top.order(in: devices) else { continue }
            orders.append(order)
            taken.append(top)
        }
        return (orders, taken)
    }
}
