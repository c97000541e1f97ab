/// What fills the screen below the tabs.
public enum DashboardPage: Sendable, Equatable {
    /// The figures of the fleet or of one kind, with its open work orders.
    case overview
    /// The devices of the fleet or of one kind, filtered and sorted.
    case devices
    /// One device (`kind/id`): its readings, rule states, health, orders and ledger.
    case device(String)
    case help
}
