/// How the device list is ordered; `s` steps through them.
public enum DeviceSort: String, Sendable, CaseIterable {
    /// Most open orders first, alarms before alerts: where the work is.
    case orders
    /// Least healthy first: what will need work next.
    case health
    /// Oldest first.
    case age

    public var next: DeviceSort { Self.allCases[(Self.allCases.firstIndex(of: self)! + 1) % Self.allCases.count] }

    /// Whether `lhs` comes before `rhs`; the key breaks ties so the order is stable.
    func precedes(_ lhs: DeviceRow, _ rhs: DeviceRow) -> Bool {
        switch self {
        case .orders: (-lhs.alarms, -lhs.openOrders, lhs.health, lhs.key) < (-rhs.alarms, -rhs.openOrders, rhs.health, rhs.key)
        case .health: (lhs.health, -lhs.openOrders, lhs.key) < (rhs.health, -rhs.openOrders, rhs.key)
        case .age: (lhs.commissioned, lhs.key) < (rhs.commissioned, rhs.key)
        }
    }
}
