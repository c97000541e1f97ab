import FleetModel

/// How many metric states, reporting gaps, rule levels, rule memories, trend windows and trend
/// slices a device's `DeviceSlots` hold, and the room it has for trend slices: the header of its
/// one allocation.
struct DeviceSlotCounts: Sendable, Hashable {
    var metrics: UInt16
    var gaps: UInt16
    var rules: UInt16
    var memories: UInt16
    /// Trend windows: one for each metric that keeps a trend (`MaintenanceEngine.trendPlaces`).
    var trendWindows: UInt16
    var trend: UInt16
    var trendRoom: UInt16

    /// Where each part starts, in bytes from the allocation's first element: the metric states,
    /// the rule memories, the gaps, the trend windows' first slices, then the bytes (the rule
    /// levels and the trend windows' slice counts, padded to a word), then the trend slices.
    var memoriesOffset: Int { Int(metrics) * MemoryLayout<MetricState>.stride }
    var gapsOffset: Int { memoriesOffset + Int(memories) * MemoryLayout<RuleMemory>.stride }
    var anchorsOffset: Int { gapsOffset + Int(gaps) * MemoryLayout<ReportingGaps>.stride }
    var levelsOffset: Int { anchorsOffset + Int(trendWindows) * MemoryLayout<UInt32>.stride }
    var windowCountsOffset: Int { levelsOffset + Int(rules) * MemoryLayout<WorkOrderPriority?>.stride }
    var trendOffset: Int { (windowCountsOffset + Int(trendWindows) * MemoryLayout<UInt8>.stride + 7) / 8 * 8 }

    /// The eight-byte words the parts need.
    var words: Int { (trendOffset + Int(trendRoom) * MemoryLayout<TrendBucket>.stride + 7) / 8 }
}
