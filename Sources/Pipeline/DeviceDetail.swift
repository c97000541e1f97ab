import FleetModel
import Foundation
import Impact
import Maintenance

/// One device as its detail topic `fleetprint/impact/<instance>/device/<kind>/<device>` carries
/// it (retained, so a new subscriber gets every device's latest at once): what a service engineer
/// opens a device for. The fleet's summary never lists devices; this does, one topic each.
/// Contract: docs/schemas/device.schema.json.
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
    public var counts: DeviceCounts
    /// What the ledger holds for the device.
    public var serviceYears: Double
    public var kits: [String: Int]
    public var visits: Int
    public var remoteFixes: Int
    public var customerFixes: Int
    public var replacements: Int

    public init(state: DeviceState, engine: MaintenanceEngine, ledger: DeviceLedger?, eventTime: Date?) {
        kind = state.kind
        device = state.device
        self.eventTime = eventTime
        commissioned = state.commissioned
        lastSeen = ledger?.lastSeen
        lastService = state.lastService
        let units = Dictionary(engine.profile.telemetry.metrics.map { ($0.id, $0.unit?.symbol) }, uniquingKeysWith: { first, _ in first })
        readings = state.metrics.compactMap { metric in
            guard let value = metric.lastValue, let time = metric.lastSeen else { return nil }
            return DeviceReading(metric: metric.metric, value: value, unit: units[metric.metric] ?? nil, time: time)
        }
        rules = Dictionary(state.rules.map { ($0.rule, $0.level?.rawValue ?? "armed") }, uniquingKeysWith: { first, _ in first })
        health = engine.health(of: state)
        openWorkOrders = state.openWorkOrders
        closedWorkOrders = state.closedWorkOrderIDs
        counts = state.counts
        serviceYears = ledger?.serviceYears ?? 0
        kits = ledger?.kits ?? [:]
        visits = ledger?.visits.values.reduce(0, +) ?? 0
        remoteFixes = ledger?.remoteFixes ?? 0
        customerFixes = ledger?.customerFixes ?? 0
        replacements = ledger?.replacements ?? 0
    }
}
