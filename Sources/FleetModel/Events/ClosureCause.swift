/// Why a work order ended (`WorkOrderClosure.cause`).
public enum ClosureCause: String, Sendable, Hashable, Codable {
    /// A technician's or maintenance system's service report.
    case serviceReport = "service-report"
    /// The rule that raised a remote or customer order cleared: the fix worked without a visit.
    case faultCleared = "fault-cleared"
}
