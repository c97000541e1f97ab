import FleetModel

/// The view state the keys drive: which tab (the fleet or a kind), which page, which work order is
/// selected, and whether to quit. Pure, so every key path is a unit test.
public struct DashboardState: Sendable, Equatable {
    /// nil for the fleet, else a kind.
    public var scope: String?
    public var page: DashboardPage = .overview
    /// Index into the scope's open orders, most urgent first.
    public var selection = 0
    public var quit = false

    public init(scope: String? = nil) {
        self.scope = scope
    }

    /// Applies one key given the kinds on show and the orders of the current scope.
    public mutating func handle(_ key: Key, kinds: [String], orders: [WorkOrder]) {
        let tabs: [String?] = [nil] + kinds
        let current = tabs.firstIndex(of: scope) ?? 0
        switch (key, page) {
        case (.character("q"), _), (.character("Q"), _), (.interrupt, _):
            quit = true
        case (.character("?"), .help), (.escape, .help), (.backspace, .help), (.left, .help):
            page = .overview
        case (.character("?"), _):
            page = .help
        case (.tab, _), (.backTab, _):
            show(tabs[(current + (key == .tab ? 1 : tabs.count - 1)) % tabs.count])
        case (.character(let digit), _) where digit.isWholeNumber:
            if let number = digit.wholeNumberValue, tabs.indices.contains(number - 1) { show(tabs[number - 1]) }
        case (.up, .overview):
            selection = max(selection - 1, 0)
        case (.down, .overview):
            selection = min(selection + 1, max(orders.count - 1, 0))
        case (.enter, .overview), (.right, .overview):
            if orders.indices.contains(selection) { page = .device(orders[selection].device) }
        case (.escape, .device), (.backspace, .device), (.left, .device), (.enter, .device):
            page = .overview
        default:
            break
        }
    }

    private mutating func show(_ tab: String?) {
        scope = tab
        page = .overview
        selection = 0
    }
}
