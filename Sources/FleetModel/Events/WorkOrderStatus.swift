/// Where a work order is in its life; every change is published on the order's topic, so a
/// maintenance system can follow an order from issue to close without polling.
public enum WorkOrderStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// A rule fired and nothing was open for its component.
    case issued
    /// An open alert order raised to alarm: same id, due sooner.
    case escalated
    /// Carried out: a service report named it, or its remote or customer fault cleared.
    case closed
    /// No longer needed though nobody carried it out: another job serviced its component.
    case cancelled

    /// Whether the order still waits for work.
    public var isOpen: Bool { self == .issued || self == .escalated }
}
