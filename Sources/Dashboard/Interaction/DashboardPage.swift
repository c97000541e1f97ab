/// What fills the screen below the tabs.
public enum DashboardPage: Sendable, Equatable {
    /// The figures of the fleet or of one kind, with its open work orders.
    case overview
    /// One device's open work orders in full.
    case device(String)
    case help
}
