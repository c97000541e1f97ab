import FleetModel

/// How many metric states, reporting gaps, rule levels, rule memories of each form, trend windows,
/// trend cells, closed order numbers and open orders a device's `DeviceSlots` hold, and the room
/// it has for trend cells and for rate rules' extremes: the header of its one allocation, 16
/// bytes (the object's own 16 and these make 32, where its parts start in any case). A kind has at
/// most `DeviceProfile.ruleLimit` rules, so a count that cannot exceed its rules' is a byte.
struct DeviceSlotCounts: Sendable, Hashable {
    var metrics: UInt16
    /// Trend cells of four bytes (`DeviceSlots.trendCells`) held, and room for them.
    var trend: UInt16 = 0
    var trendRoom: UInt16 = 0
    /// Room for the rate rules' extremes, held or not (each rule's count is in its byte).
    var extremaRoom: UInt16 = 0
    var rules: UInt8
    /// Threshold and counter rules' memories.
    var pairs: UInt8
    var repeats: UInt8
    /// Rate rules: each keeps a window of extremes.
    var rates: UInt8
    var gaps: UInt8
    /// Trend windows: one for each metric that keeps a trend (`MaintenanceEngine.trendPlaces`).
    var trendWindows: UInt8
    /// Numbers of orders closed lately (`EngineSettings.closedMemory`).
    var closed: UInt8 = 0
    /// Open orders: at most one for each of the kind's components, so at most one for each rule.
    var orders: UInt8 = 0

    /// Where each part starts, in bytes from the allocation's first element: the metric states,
    /// the threshold, counter and repeat rules' memories, the gaps, the trend windows' first
    /// slices, the closed orders' numbers, then the bytes (the rule levels, the trend windows'
    /// slice counts and groups, and the rate rules' extremes counts, padded to a word), the trend
    /// cells (padded to a word), the rate rules' extremes and the open orders.
    var pairsOffset: Int { Int(metrics) * MemoryLayout<MetricState>.stride }
    var repeatsOffset: Int { pairsOffset + Int(pairs) * MemoryLayout<PairedMemory>.stride }
    var gapsOffset: Int { repeatsOffset + Int(repeats) * MemoryLayout<RepeatMemory>.stride }
    var anchorsOffset: Int { gapsOffset + Int(gaps) * MemoryLayout<ReportingGaps>.stride }
    var closedOffset: Int { anchorsOffset + Int(trendWindows) * MemoryLayout<UInt32>.stride }
    var levelsOffset: Int { closedOffset + Int(closed) * MemoryLayout<UInt32>.stride }
    var windowCountsOffset: Int { levelsOffset + Int(rules) * MemoryLayout<WorkOrderPriority?>.stride }
    var groupsOffset: Int { windowCountsOffset + Int(trendWindows) * MemoryLayout<UInt8>.stride }
    var extremaCountsOffset: Int { groupsOffset + Int(trendWindows) * MemoryLayout<UInt8>.stride }
    var trendOffset: Int { (extremaCountsOffset + Int(rates) * MemoryLayout<UInt8>.stride + 7) / 8 * 8 }
    var extremaOffset: Int { (trendOffset + Int(trendRoom) * MemoryLayout<UInt32>.stride + 7) / 8 * 8 }
    var ordersOffset: Int { extremaOffset + Int(extremaRoom) * MemoryLayout<ExtremaBucket>.stride }

    /// The eight-byte words the parts need.
    var words: Int { (ordersOffset + Int(orders) * MemoryLayout<OpenOrder>.stride + 7) / 8 }
}
