import FleetModel
import Foundation

/// The retained message on `fleetprint/impact/<instance>`: what a dashboard needs from one
/// daemon, so that several instances can be summed wherever the broker is reachable. It lives
/// here, beside the ledger it mostly carries, so the Dashboard reads it without the runtime.
public struct DaemonSummary: Sendable, Equatable, Codable, VersionedContract {
    public static let schemaVersion = "fleetprint.summary/3"

    /// The JSON contract (docs/schemas/summary.schema.json): a reader refuses another version.
    public var schema = SchemaTag<DaemonSummary>()
    public var instance: String
    /// Wall-clock time of this summary.
    public var publishedAt: Date
    /// The fleet's event time.
    public var eventTime: Date?
    public var devices: Int
    public var messagesPerSecond: Double
    public var counters: PipelineCounters
    /// Open work orders, alarms first, then oldest first; at most `openOrderLimit`.
    public var openWorkOrders: [WorkOrder]
    public var openWorkOrderCount: Int
    public var cpuSeconds: Double
    public var impact: FleetSummary
    /// Devices and devices online per kind; nil from daemons that predate it.
    public var activity: [KindActivity]?
    /// The part of the fleet this daemon owns ("1/3"); nil when it owns all of it. An optional
    /// field added within version 2: readers of version 2 that predate it ignore it.
    public var partition: Partition?

    /// The summary as it is published: JSON with sorted keys and ISO 8601 times.
    public func encoded() throws -> Data {
        try ContractJSON.encoder.encode(self)
    }

    /// The summary names only the most urgent open orders: every order is on its own topic.
    public static let openOrderLimit = 10
    /// A device is online when it sent something within this much event time of the fleet's
    /// latest reading: a day covers every shipped kind's message interval and `missing` rule.
    public static let onlineWindow: TimeInterval = 86_400

    public init(instance: String, publishedAt: Date, eventTime: Date?, devices: Int, messagesPerSecond: Double, counters: PipelineCounters,
                openWorkOrders: [WorkOrder], openWorkOrderCount: Int, cpuSeconds: Double, impact: FleetSummary,
                activity: [KindActivity]? = nil, partition: Partition? = nil) {
        self.instance = instance
        self.publishedAt = publishedAt
        self.eventTime = eventTime
        self.devices = devices
        self.messagesPerSecond = messagesPerSecond
        self.counters = counters
        self.openWorkOrders = openWorkOrders
        self.openWorkOrderCount = openWorkOrderCount
        self.cpuSeconds = cpuSeconds
        self.impact = impact
        self.activity = activity
        self.partition = partition
    }
}
