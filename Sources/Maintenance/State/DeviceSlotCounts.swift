import FleetModel

/// How many metric states, reporting gaps, rule levels, rule memories of each form, trend windows
/// and trend slices a device's `DeviceSlots` hold, and the room it has for trend slices: the header
/// of its one allocation, 16 bytes.
struct DeviceSlotCounts: Sendable, Hashable {
    var metrics: UInt16
    var gaps: UInt16
    var rules: UInt16
    /// Threshold and counter rules' memories.
    var pairs: UInt16
    var repeats: UInt8
    var rates: UInt8
    /// Trend windows: one for each metric that keeps a trend (`MaintenanceEngine.trendPlaces`).
    var trendWindows: UInt16
    var trend: UInt16
    var trendRoom: UInt16

    /// Where each part starts, in bytes from the allocation's first element: the metric states,
    /// the rule memories by form, the gaps, the trend windows' first slices, then the bytes (the
    /// rule levels and the trend windows' slice counts, padded to a word), then the trend slices.
    var pairsOffset: Int { Int(metrics) * MemoryLayout<MetricState>.stride }
    var repeatsOffset: Int { pairsOffset + Int(pairs) * MemoryLayout<PairedMemory>.stride }
    var ratesOffset: Int { repeatsOffset + Int(repeats) * MemoryLayout<RepeatMemory>.stride }
    var gapsOffset: Int { ratesOffset + Int(rates) * MemoryLayout<[ExtremaBucket]>.stride }
    var anchorsOffset: Int { gapsOffset + Int(gaps) * MemoryLayout<ReportingGaps>.stride }
    var levelsOffset: Int { anchorsOffset + Int(trendWindows) * MemoryLayout<UInt32>.stride }
    var windowCountsOffset: Int { levelsOffset + Int(rules) * MemoryLayout<WorkOrderPriority?>.stride }
    var trendOffset: Int { (windowCountsOffset + Int(trendWindows) * MemoryLayout<UInt8>.stride + 7) / 8 * 8 }

    /// The eight-byte words the parts need.
    var words: Int { (trendOffset + Int(trendRoom) * MemoryLayout<TrendBucket>.stride + 7) / 8 }
}
