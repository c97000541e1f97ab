/// Who decides when a device is serviced: the daemon's work orders (condition-based), or the
/// profile's fixed baseline policy, which ignores them, so two runs of one fleet compare.
public enum MaintenanceMode: String, Sendable, Hashable, CaseIterable {
    case cbm
    case baseline
}
