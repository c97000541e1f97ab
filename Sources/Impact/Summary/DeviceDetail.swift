import FleetModel
import Foundation

/// One device as its detail topic `fleetprint/impact/<instance>/device/<kind>/<device>` carries
/// it (retained, so a new subscriber gets every device's latest at once): what a service engineer
/// opens a device for. The fleet's summary never lists devices; this does, one topic each.
/// Contract: docs/schemas/device.schema.json. It lives here, beside the summary, so the Dashboard
/// reads it without the pipeline; the pipeline builds it from a device's state.
public struct DeviceDetail: Sendable, Equatable, Codable, VersionedContract {
    public static let schemaVersion = "fleetprint.device/1"

    public var kind: String
    public var device: String
    /// The fleet's event time when this was written.
    public var eventTime: Date?
    public var commissioned: Date
    public var lastSeen: Date?
    public var lastService: Date?
    /// The latest value of each metric heard from, with its unit and time.
    public var readings: [DeviceReading]
    /// Each rule's state: `armed`, or the level it fired at (`alert`, `alarm`).
    public var rules: [String: String]
    /// Health per component, 1 as new, 0 at the alarm limit.
    public var health: [ComponentHealth]
    public var openWorkOrders: [WorkOrder]
    /// Ids of the orders closed lately, newest last.
    public var closedWorkOrders: [String]
    /// Readings accepted, stale, duplicate, of unknown metrics; rule firings suppressed; orders issued.
    public var counts: [String: Int]
    /// What the ledger holds for the device.
    public var serviceYears: Double
    public var kits: [String: Int]
    public var visits: Int
    public var remoteFixes: Int
    public var customerFixes: Int
    public var replacements: Int

    public init(kind: String, device: String, eventTime: Date?, commissioned: Date, lastSeen: Date?, lastService: Date?,
                readings: [DeviceReading], rules: [String: String], health: [ComponentHealth], openWorkOrders: [WorkOrder],
                closedWorkOrders: [String], counts: [String: Int], serviceYears: Double, kits: [String: Int], visits: Int,
                remoteFixes: Int, customerFixes: Int, replacements: Int) {
        self.kind = kind
        self.device = device
        self.eventTime = eventTime
        self.commissioned = commissioned
        self.lastSeen = lastSeen
        self.lastService = lastService
        self.readings = readings
        self.rules = rules
        self.health = health
        self.openWorkOrders = openWorkOrders
        self.closedWorkOrders = closedWorkOrders
        self.counts = counts
        self.serviceYears = serviceYears
        self.kits = kits
        self.visits = visits
        self.remoteFixes = remoteFixes
        self.customerFixes = customerFixes
        self.replacements = replacements
    }

    /// The lowest component health (1 when no component is scored).
    public var worstHealth: Double { health.map(\.health).min() ?? 1 }
}
