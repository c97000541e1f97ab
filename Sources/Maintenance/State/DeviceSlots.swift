/// A device's metric states, rule states and trend slices in one allocation. They were three
/// arrays, and each array costs its 32 bytes of header and the allocator's 16 besides its
/// elements, in every device: one allocation saves about 100 bytes a device. The metric and
/// rule states are aligned with the engine's profile; the trend slices are grouped by metric
/// (`TrendBucket.slices(of:in:)`). A value, copied on write when shared, as the arrays were, so
/// it is as safe to send as they were (the storage itself is never changed while shared).
public struct DeviceSlots: @unchecked Sendable, Hashable {
    private var storage: DeviceSlotStorage

    init(metrics: [MetricState], rules: [RuleState]) {
        storage = .make(DeviceSlotCounts(metrics: UInt32(metrics.count), rules: UInt32(rules.count), trend: 0, trendRoom: 0))
        storage.metrics.initialize(from: metrics, count: metrics.count)
        storage.rules.initialize(from: rules, count: rules.count)
    }

    private var counts: DeviceSlotCounts { storage.header }

    public var metrics: DeviceSlotRegion<MetricState> {
        get { DeviceSlotRegion(storage, offset: 0, count: Int(counts.metrics)) }
        _modify {
            makeUnique()
            var region = DeviceSlotRegion<MetricState>(storage, offset: 0, count: Int(counts.metrics))
            yield &region
        }
    }

    public var rules: DeviceSlotRegion<RuleState> {
        get { DeviceSlotRegion(storage, offset: counts.rulesOffset, count: Int(counts.rules)) }
        _modify {
            makeUnique()
            var region = DeviceSlotRegion<RuleState>(storage, offset: counts.rulesOffset, count: Int(counts.rules))
            yield &region
        }
    }

    /// The trend slices; `insertTrend`, `removeTrend` and `replaceTrend` change how many.
    var trend: DeviceSlotRegion<TrendBucket> {
        get { DeviceSlotRegion(storage, offset: counts.trendOffset, count: Int(counts.trend)) }
        _modify {
            makeUnique()
            var region = DeviceSlotRegion<TrendBucket>(storage, offset: counts.trendOffset, count: Int(counts.trend))
            yield &region
        }
    }

    /// Room for trend slices, held or not.
    var trendRoom: Int { Int(counts.trendRoom) }

    /// Inserts a trend slice at `index`; when the room is full it grows by `step` slices, not
    /// twice over (a device's slices grow by one for each of its trended metrics, to their bound).
    mutating func insertTrend(_ bucket: TrendBucket, at index: Int, growingBy step: Int) {
        replaceTrend(index ..< index, with: CollectionOfOne(bucket), growingBy: step)
    }

    /// Removes the trend slices in `range`; the room stays.
    mutating func removeTrend(_ range: Range<Int>) {
        replaceTrend(range, with: EmptyCollection())
    }

    /// Replaces the trend slices in `range` with `buckets`; when they do not fit, the room grows
    /// to hold them and `step` more slices at most (a restore fills a device one metric at a time
    /// and grows to exactly what it holds).
    mutating func replaceTrend(_ range: Range<Int>, with buckets: some Collection<TrendBucket>, growingBy step: Int = 0) {
        let held = Int(counts.trend)
        precondition(range.lowerBound >= 0 && range.upperBound <= held, "trend range out of bounds")
        let total = held - range.count + buckets.count
        if total > trendRoom {
            storage = storage.copy(trendRoom: max(total, held + max(step, 1)))
        } else {
            makeUnique()
        }
        let trend = storage.trend
        let tail = held - range.upperBound
        UnsafeMutableRawPointer(trend + range.lowerBound + buckets.count)
            .copyMemory(from: trend + range.upperBound, byteCount: tail * MemoryLayout<TrendBucket>.stride)
        _ = UnsafeMutableBufferPointer(start: trend + range.lowerBound, count: buckets.count).initialize(from: buckets)
        storage.header.trend = UInt32(total)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(trendRoom: trendRoom) }
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || (lhs.metrics == rhs.metrics && lhs.rules == rhs.rules && lhs.trend == rhs.trend)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metrics)
        hasher.combine(rules)
        hasher.combine(trend)
    }
}
