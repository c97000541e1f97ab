import FleetModel
import Foundation

/// A device's state as checkpoints of 0.2 wrote it: JSON with each metric and rule named,
/// read once when a daemon upgrades, so its devices resume instead of starting over
/// (`MaintenanceEngine.state(adopting:)`).
public struct LegacyDeviceState: Decodable, Sendable {
    struct Metric: Decodable {
        let metric: String
        let lastSeen: Date?
        let lastValue: Double?
        let lastGap: Double?
        let usualGap: Double?
        let trend: Window<TrendSlice>?
    }

    /// A trend or rate window: its shape travelled with every device then.
    struct Window<Slice: Decodable & Sendable>: Decodable, Sendable {
        let sliceLength: Double
        let buckets: [Slice]
    }

    struct TrendSlice: Decodable {
        let start: Double
        let count: Double
        let sumOffset: Double
        let sumValue: Double
    }

    struct Rule: Decodable {
        let rule: String
        let level: WorkOrderPriority?
        let memory: Memory
    }

    /// The old memory's synthesized JSON: the case name holding its values.
    enum Memory: Decodable {
        case none
        case threshold(alertSince: Date?, alarmSince: Date?)
        case rate(Window<ExtremaSlice>)
        case repeated(times: [Date], last: Date?)
        case counter(base: Double?, last: Double?)
    }

    /// An open order as it was kept whole then.
    struct OpenOrder: Decodable {
        let order: WorkOrder
        let component: String
    }

    struct ExtremaSlice: Decodable {
        let start: Double
        let low: Double
        let high: Double
    }

    struct Counts: Decodable {
        let accepted, stale, duplicate, unknownMetric, suppressed, ordersIssued: Int
    }

    let device: String
    let commissioned: Date
    let watermark: Date?
    let metrics: [Metric]
    let rules: [Rule]
    let openOrders: [OpenOrder]
    let lastService: Date?
    let counts: Counts
    let recentlyClosed: [String]
    let orderSequence: Int
}
