import FleetModel

/// How many metric states, reporting gaps, rule levels, rule memories and trend slices a device's
/// `DeviceSlots` hold, and the room it has for trend slices: the header of its one allocation.
struct DeviceSlotCounts: Sendable, Hashable {
    var metrics: UInt16
    var gaps: UInt16
    var rules: UInt16
    var memories: UInt16
    var trend: UInt32
    var trendRoom: UInt32

    /// Where each part starts, in bytes from the allocation's first element: the metric states,
    /// the rule memories, the gaps, the rule levels (one byte each, padded to a word), then the
    /// trend slices.
    var memoriesOffset: Int { Int(metrics) * MemoryLayout<MetricState>.stride }
    var gapsOffset: Int { memoriesOffset + Int(memories) * MemoryLayout<RuleMemory>.stride }
    var levelsOffset: Int { gapsOffset + Int(gaps) * MemoryLayout<ReportingGaps>.stride }
    var trendOffset: Int { levelsOffset + (Int(rules) * MemoryLayout<WorkOrderPriority?>.stride + 7) / 8 * 8 }

    /// The eight-byte words the parts need.
    var words: Int { (trendOffset + Int(trendRoom) * MemoryLayout<TrendBucket>.stride + 7) / 8 }
}
