import FleetModel
import Foundation
import Impact

/// One device in the device list: what the list sorts and filters by, kept small so that a
/// dashboard can hold a large fleet's list.
public struct DeviceRow: Sendable, Equatable {
    public var instance: String
    public var kind: String
    public var device: String
    public var openOrders: Int
    public var alarms: Int
    /// The lowest component health, 1 as new, 0 at the alarm limit.
    public var health: Double
    public var commissioned: Date
    public var lastSeen: Date?

    public init(_ detail: DeviceDetail, instance: String) {
        self.instance = instance
        kind = detail.kind
        device = detail.device
        key = DeviceIdentity(kind: detail.kind, id: detail.device).key
        openOrders = detail.openWorkOrders.count
        alarms = detail.openWorkOrders.filter { $0.priority == .alarm }.count
        health = detail.worstHealth
        commissioned = detail.commissioned
        lastSeen = detail.lastSeen
    }

    /// As the daemon keys devices (`DeviceIdentity.key`); built once, since sorting compares it.
    public let key: String
}
