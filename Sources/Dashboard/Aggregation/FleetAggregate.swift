import FleetModel
import Foundation
import Impact

/// Every daemon's latest summary summed, with the history the aggregator keeps: what the renderer
/// and the line formats read.
public struct FleetAggregate: Sendable, Equatable {
    /// Instance names, sorted.
    public var instances: [String] = []
    /// The method and price set of the summed instances (the first instance's, by name).
    public var method: String?
    public var priceSet: String?
    /// Instances left out of every sum because their numbers are in another method or price set.
    public var otherMethodInstances: [String] = []
    /// The latest wall-clock time a summary was published.
    public var publishedAt: Date?
    /// The fleet's event time: the latest of the instances'.
    public var eventTime: Date?
    public var messagesPerSecond: Double = 0
    /// Recent fleet message rates, oldest first.
    public var rateHistory: [Double] = []
    public var counters = PipelineCounters()
    /// Fleetprint's own process CPU time over all instances.
    public var cpuSeconds: Double = 0
    /// Most urgent first: alarms, then the earliest due date, then the oldest.
    public var openOrders: [WorkOrder] = []
    /// All open orders, also those a daemon left out of its summary.
    public var openOrderCount = 0
    public var fleet: ScopeFigures?
    /// Sorted by kind.
    public var kinds: [ScopeFigures] = []
    /// Cumulative net CO2-eq over event time, oldest first, of the fleet ("fleet") and of each kind.
    public var charts: [String: [ChartPoint]] = [:]
    public var unpricedDevices = 0
    /// Which partitions report, when the instances are partitions of one fleet (`run --partition`).
    public var partitions: PartitionCoverage?

    public init() {}

    /// The fleet, or the kind named `scope`.
    public func figures(of scope: String?) -> ScopeFigures? {
        guard let scope else { return fleet }
        return kinds.first { $0.name == scope }
    }

    /// The chart of the fleet, or of the kind named `scope`.
    public func chart(of scope: String?) -> [ChartPoint] { charts[scope ?? "fleet"] ?? [] }

    /// Open orders in the fleet or of one kind, most urgent first.
    public func orders(of scope: String?) -> [WorkOrder] {
        guard let scope else { return openOrders }
        return openOrders.filter { $0.kind == scope }
    }

    /// The order in which a technician should take the work: alarms first, then what is due soonest.
    public static func isMoreUrgent(_ lhs: WorkOrder, than rhs: WorkOrder) -> Bool {
        let far = Date.distantFuture
        return (lhs.priority == .alarm ? 0 : 1, lhs.due ?? far, lhs.issuedAt, lhs.id) < (rhs.priority == .alarm ? 0 : 1, rhs.due ?? far, rhs.issuedAt, rhs.id)
    }
}
