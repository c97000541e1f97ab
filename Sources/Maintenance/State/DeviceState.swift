import FleetModel
import Foundation

/// Everything the engine knows about one device: a plain value owned by one shard, Codable so
/// the Store checkpoints it and a restarted daemon resumes exactly where it stopped.
/// `metrics` and `rules` are aligned with the engine's profile; `MaintenanceEngine.adopt` realigns
/// a state saved under an older profile.
public struct DeviceState: Sendable, Hashable, Codable {
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
