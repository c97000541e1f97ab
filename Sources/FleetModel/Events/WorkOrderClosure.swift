/// What ended a work order, as its `closed` or `cancelled` publication says.
public struct WorkOrderClosure: Sendable, Hashable, Codable {
    /// A service report, or the fault that cleared by itself after a remote or customer fix.
    public var cause: ClosureCause
    /// What the report did (`visit`, `replacement`, ...), or `remote-fix` / `customer-fix`.
    public var action: ServiceAction
    /// The service report's own id, when its sender gave one.
    public var report: String?
    /// For a cancelled order: the order whose job serviced its component (nil when unplanned).
    public var workOrder: String?

    public init(cause: ClosureCause, action: ServiceAction, report: String? = nil, workOrder: String? = nil) {
        self.cause = cause
        self.action = action
        self.report = report
        self.workOrder = workOrder
    }
}
