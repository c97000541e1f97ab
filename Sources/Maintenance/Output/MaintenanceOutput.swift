import FleetModel

/// What one engine call produced, as values for the caller to publish, persist and feed to the
/// Impact ledger. Empty arrays allocate nothing, so the common no-op reading costs nothing.
public struct MaintenanceOutput: Sendable, Hashable {
    public var disposition: ReadingDisposition
    /// Orders issued now: technician visits, remote actions and customer instructions (see `resolution`).
    public var workOrders: [WorkOrder] = []
    /// Open orders raised to alarm now (same id, alarm priority, due sooner, the alarm's reason):
    /// an alarm on a component must not wait behind the alert order already open for it.
    public var escalatedOrders: [WorkOrder] = []
    /// Orders closed or cancelled now (their `status` says which, `closedBy` why): by a service
    /// report, or because a remote/customer fault cleared.
    public var closedOrders: [WorkOrder] = []
    /// Maintenance facts for the ledger: applied service reports and fixes made without a visit.
    public var serviceEvents: [ServiceEvent] = []
    /// Rule firings not turned into an order because one is already open for that device and component.
    public var suppressed = 0

    public init(disposition: ReadingDisposition = .accepted) {
        self.disposition = disposition
    }

    public var isEmpty: Bool { workOrders.isEmpty && escalatedOrders.isEmpty && closedOrders.isEmpty && serviceEvents.isEmpty }

    mutating func merge(_ other: MaintenanceOutput) {
        workOrders += other.workOrders
        escalatedOrders += other.escalatedOrders
        closedOrders += other.closedOrders
        serviceEvents += other.serviceEvents
        suppressed += other.suppressed
    }
}
