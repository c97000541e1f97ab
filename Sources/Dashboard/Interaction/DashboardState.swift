import FleetModel

/// The view state the keys drive: which tab (the fleet or a kind), which page, what is selected,
/// how the device list is sorted and filtered, whether the screen is paused, and whether to quit.
/// Pure, so every key path is a unit test.
public struct DashboardState: Sendable, Equatable {
    /// nil for the fleet, else a kind.
    public var scope: String?
    public var page: DashboardPage = .overview
    /// Index into the scope's open orders (overview) or its device list (devices).
    public var selection = 0
    public var sort = DeviceSort.orders
    /// Part of a device id the list is narrowed to.
    public var filter = ""
    /// While true, keys type into `filter`.
    public var editingFilter = false
    /// A paused dashboard keeps showing what it showed; summaries still arrive underneath.
    public var paused = false
    public var quit = false
    /// Where Esc goes from a device: the list or the overview it was opened from.
    private var opener: DashboardPage = .overview

    public init(scope: String? = nil) {
        self.scope = scope
    }

    /// Applies one key given the kinds on show, the orders of the current scope and its device list.
    public mutating func handle(_ key: Key, kinds: [String], orders: [WorkOrder], devices: [DeviceRow] = []) {
        if editingFilter { return type(key) }
        let tabs: [String?] = [nil] + kinds
        let current = tabs.firstIndex(of: scope) ?? 0
        switch (key, page) {
        case (.character("q"), _), (.character("Q"), _), (.interrupt, _):
            quit = true
        case (.character("p"), _):
            paused.toggle()
        case (.character("?"), .help), (.escape, .help), (.backspace, .help), (.left, .help):
            page = .overview
        case (.character("?"), _):
            page = .help
        case (.tab, _), (.backTab, _):
            show(tabs[(current + (key == .tab ? 1 : tabs.count - 1)) % tabs.count], page: page == .devices ? .devices : .overview)
        case (.character(let digit), _) where digit.isWholeNumber:
            if let number = digit.wholeNumberValue, tabs.indices.contains(number - 1) { show(tabs[number - 1], page: page == .devices ? .devices : .overview) }
        case (.character("d"), .overview):
            show(scope, page: .devices)
        case (.up, .overview), (.up, .devices):
            selection = max(selection - 1, 0)
        case (.down, .overview):
            selection = min(selection + 1, max(orders.count - 1, 0))
        case (.down, .devices):
            selection = min(selection + 1, max(devices.count - 1, 0))
        case (.enter, .overview), (.right, .overview):
            if orders.indices.contains(selection) { open(DeviceIdentity(kind: orders[selection].kind, id: orders[selection].device).key) }
        case (.enter, .devices), (.right, .devices):
            if devices.indices.contains(selection) { open(devices[selection].key) }
        case (.character("s"), .devices):
            sort = sort.next
            selection = 0
        case (.character("/"), .devices):
            editingFilter = true
        case (.escape, .devices), (.backspace, .devices), (.left, .devices), (.character("d"), .devices):
            show(scope, page: .overview)
        case (.escape, .device), (.backspace, .device), (.left, .device), (.enter, .device):
            page = opener
        default:
            break
        }
    }

    /// A key while the filter is edited: characters add to it, Backspace takes one away, Enter
    /// keeps it, Esc clears it.
    private mutating func type(_ key: Key) {
        switch key {
        case .character(let character) where !character.isNewline:
            filter.append(character)
        case .backspace:
            _ = filter.popLast()
        case .escape, .interrupt:
            filter = ""
            editingFilter = false
        case .enter:
            editingFilter = false
        default:
            return
        }
        selection = 0
    }

    private mutating func open(_ key: String) {
        opener = page
        page = .device(key)
    }

    private mutating func show(_ tab: String?, page: DashboardPage) {
        scope = tab
        self.page = page
        selection = 0
    }
}
