/// How many metric states, rule states and trend slices a device's `DeviceSlots` hold, and the
/// room it has for trend slices: the header of its one allocation.
struct DeviceSlotCounts: Sendable, Hashable {
    var metrics: UInt32
    var rules: UInt32
    var trend: UInt32
    var trendRoom: UInt32

    /// Where each part starts, in bytes from the allocation's first element: the metric states,
    /// then the rule states, then the trend slices (each stride a whole number of words).
    var rulesOffset: Int { Int(metrics) * MemoryLayout<MetricState>.stride }
    var trendOffset: Int { rulesOffset + Int(rules) * MemoryLayout<RuleState>.stride }

    /// The eight-byte words the three parts need.
    var words: Int { (trendOffset + Int(trendRoom) * MemoryLayout<TrendBucket>.stride + 7) / 8 }
}
