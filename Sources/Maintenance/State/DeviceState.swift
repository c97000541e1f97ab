import FleetModel
import Foundation

/// Everything the engine knows about one device: a plain value owned by one shard.
/// `metrics` and `levels` are aligned with the engine's profile and hold no names (the engine has
/// them), which keeps a device small; `gaps` and `memories` hold only what some rule uses.
/// `MaintenanceEngine.record(of:into:)` writes it for a checkpoint with the names, and
/// `state(fromRecord:)` reads it back realigned to the profile.
public struct DeviceState: Sendable, Hashable, DeviceKeyed {
    public let device: String
    public let kind: String
    /// First sight: missing-data timers run from here until the metric's first reading.
    public let commissioned: Date
    /// Latest event time accepted from this device (each metric keeps its own order in `metrics`).
    @Packed public internal(set) var watermark: Date? = nil
    @Packed public internal(set) var lastService: Date? = nil
    /// The metric states, gaps, rule levels and memories, trend windows, open orders and the
    /// numbers of recently closed ones, in one allocation.
    var slots: DeviceSlots
    public internal(set) var counts = DeviceCounts()
    /// The number of the device's latest order: a device's orders are numbered as they are issued.
    var orderSequence: Int { counts.ordersIssued }
    /// The device's messages in the current hour of event time, which the pipeline caps.
    public var flood = FloodWindow()

    init(device: String, kind: String, commissioned: Date, slots: DeviceSlots) {
        self.device = device
        self.kind = kind
        self.commissioned = commissioned
        self.slots = slots
    }

    /// One state per metric of the kind, in the profile's order.
    public internal(set) var metrics: DeviceSlotRegion<MetricState> {
        get { slots.metrics }
        _modify { yield &slots.metrics }
    }

    /// How often each metric that a missing-data rule watches reports (`MaintenanceEngine.gapPlaces`).
    var gaps: DeviceSlotRegion<ReportingGaps> {
        get { slots.gaps }
        _modify { yield &slots.gaps }
    }

    /// The level each rule of the kind has fired at since it was last cleared (nil: armed), in the
    /// profile's order.
    public internal(set) var levels: DeviceSlotRegion<WorkOrderPriority?> {
        get { slots.levels }
        _modify { yield &slots.levels }
    }

    /// What each threshold and counter rule remembers (`MaintenanceEngine.memoryPlaces`).
    var pairs: DeviceSlotRegion<PairedMemory> {
        get { slots.pairs }
        _modify { yield &slots.pairs }
    }

    /// What each repeat rule remembers.
    var repeats: DeviceSlotRegion<RepeatMemory> {
        get { slots.repeats }
        _modify { yield &slots.repeats }
    }

    /// The open orders, oldest first.
    public internal(set) var openOrders: DeviceSlotRegion<OpenOrder> {
        get { slots.orders }
        _modify { yield &slots.orders }
    }

    /// Numbers of recently closed orders (bounded), so a redelivered service report is not applied
    /// twice: numbers, as an order's id is its device's key and its number, and eight ids cost
    /// about 500 bytes where eight numbers cost 32.
    var recentlyClosed: DeviceSlotRegion<UInt32> { slots.closed }

    /// Adds an order just issued (or restored) after the others.
    mutating func addOpenOrder(_ order: OpenOrder) {
        slots.appendOrder(order)
    }

    /// Takes out the open order at `index`.
    mutating func removeOpenOrder(at index: Int) -> OpenOrder {
        slots.removeOrder(at: index)
    }

    public var openWorkOrders: [WorkOrder] { openOrders.map { $0.workOrder(of: self) } }

    public var identity: DeviceIdentity { DeviceIdentity(kind: kind, id: device) }

    /// Ids of the orders closed lately (bounded), newest last.
    public var closedWorkOrderIDs: [String] {
        let identity = identity
        return recentlyClosed.map { WorkOrder.id(of: identity, number: Int($0)) }
    }

    /// Whether a service report may name `id`: it must be an open order of this device.
    public func hasOpenWorkOrder(_ id: String) -> Bool {
        openOrder(numbered: orderNumber(id)) != nil
    }

    /// The number `id` gives this device's order, or nil when it names another device's.
    func orderNumber(_ id: String) -> UInt32? {
        WorkOrder.number(ofID: id, device: identity).map { UInt32(clamping: $0) }
    }

    /// Where the open order of `number` is in `openOrders`.
    func openOrder(numbered number: UInt32?) -> Int? {
        number.flatMap { number in openOrders.firstIndex { $0.number == number } }
    }

    /// Whether `id` is an open order of this device or one closed lately, so a refusal can say
    /// "closed already" rather than "unknown".
    public func knowsWorkOrder(_ id: String) -> Bool {
        guard let number = orderNumber(id) else { return false }
        return openOrder(numbered: number) != nil || recentlyClosed.contains(number)
    }

    /// Remembers the order `id` names as closed, when it is one of this device's.
    mutating func rememberClosed(id: String, limit: Int) {
        orderNumber(id).map { rememberClosed($0, limit: limit) }
    }

    /// Remembers a closed order's number, forgetting the oldest beyond `limit`.
    mutating func rememberClosed(_ number: UInt32, limit: Int) {
        slots.rememberClosed(number, limit: limit)
    }
}
