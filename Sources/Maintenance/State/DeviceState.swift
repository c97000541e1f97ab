import FleetModel
import Foundation

/// Everything the engine knows about one device: a plain value owned by one shard.
/// `metrics` and `rules` are aligned with the engine's profile and hold no names (the engine has
/// them), which keeps a device small. `MaintenanceEngine.record(of:into:)` writes it for a
/// checkpoint with the names, and `state(fromRecord:)` reads it back realigned to the profile.
public struct DeviceState: Sendable, Hashable {
    public let device: String
    public let kind: String
    /// First sight: missing-data timers run from here until the metric's first reading.
    public let commissioned: Date
    /// Latest event time accepted from this device (each metric keeps its own order in `metrics`).
    public internal(set) var watermark: Date?
    public internal(set) var metrics: [MetricState]
    public internal(set) var rules: [RuleState]
    public internal(set) var openOrders: [OpenOrder] = []
    public internal(set) var lastService: Date?
    public internal(set) var counts = DeviceCounts()
    /// Ids of recently closed orders (bounded), so a redelivered service report is not applied twice.
    var recentlyClosed: [String] = []
    var orderSequence = 0

    init(device: String, kind: String, commissioned: Date, metrics: [MetricState], rules: [RuleState]) {
        self.device = device
        self.kind = kind
        self.commissioned = commissioned
        self.metrics = metrics
        self.rules = rules
    }

    public var openWorkOrders: [WorkOrder] { openOrders.map(\.order) }

    /// Ids of the orders closed lately (bounded), newest last.
    public var closedWorkOrderIDs: [String] { recentlyClosed }

    /// Whether a service report may name `id`: it must be an open order of this device.
    public func hasOpenWorkOrder(_ id: String) -> Bool {
        openOrders.contains { $0.order.id == id }
    }

    /// Whether `id` is an open order of this device or one closed lately, so a refusal can say
    /// "closed already" rather than "unknown".
    public func knowsWorkOrder(_ id: String) -> Bool {
        hasOpenWorkOrder(id) || recentlyClosed.contains(id)
    }
}
