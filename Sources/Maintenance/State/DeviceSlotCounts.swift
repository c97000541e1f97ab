import FleetModel

/// How many metric states, reporting gaps, rule levels, rule memories of each form, trend windows,
/// trend slices, closed order numbers and open orders a device's `DeviceSlots` hold, and the room
/// it has for trend slices: the header of its one allocation, 14 bytes. A kind has at most
/// `DeviceProfile.ruleLimit` rules, so a count that cannot exceed its rules' is a byte.
struct DeviceSlotCounts: Sendable, Hashable {
    var metrics: UInt16
    var trend: UInt16 = 0
    var trendRoom: UInt16 = 0
    var rules: UInt8
    /// Threshold and counter rules' memories.
    var pairs: UInt8
    var repeats: UInt8
    var rates: UInt8
    var gaps: UInt8
    /// Trend windows: one for each metric that keeps a trend (`MaintenanceEngine.trendPlaces`).
    var trendWindows: UInt8
    /// Numbers of orders closed lately (`EngineSettings.closedMemory`).
    var closed: UInt8 = 0
    /// Open orders: at most one for each of the kind's components, so at most one for each rule.
    var orders: UInt8 = 0

    /// Where each part starts, in bytes from the allocation's first element: the metric states,
    /// the rule memories by form, the gaps, the trend windows' first slices, the closed orders'
    /// numbers, then the bytes (the rule levels and the trend windows' slice counts, padded to a
    /// word), the trend slices and the open orders.
    var pairsOffset: Int { Int(metrics) * MemoryLayout<MetricState>.stride }
    var repeatsOffset: Int { pairsOffset + Int(pairs) * MemoryLayout<PairedMemory>.stride }
    var ratesOffset: Int { repeatsOffset + Int(repeats) * MemoryLayout<RepeatMemory>.stride }
    var gapsOffset: Int { ratesOffset + Int(rates) * MemoryLayout<[ExtremaBucket]>.stride }
    var anchorsOffset: Int { gapsOffset + Int(gaps) * MemoryLayout<ReportingGaps>.stride }
    var closedOffset: Int { anchorsOffset + Int(trendWindows) * MemoryLayout<UInt32>.stride }
    var levelsOffset: Int { closedOffset + Int(closed) * MemoryLayout<UInt32>.stride }
    var windowCountsOffset: Int { levelsOffset + Int(rules) * MemoryLayout<WorkOrderPriority?>.stride }
    var trendOffset: Int { (windowCountsOffset + Int(trendWindows) * MemoryLayout<UInt8>.stride + 7) / 8 * 8 }
    var ordersOffset: Int { trendOffset + Int(trendRoom) * MemoryLayout<TrendBucket>.stride }

    /// The eight-byte words the parts need.
    var words: Int { (ordersOffset + Int(orders) * MemoryLayout<OpenOrder>.stride + 7) / 8 }
}
