import FleetModel

/// A device's metric states, reporting gaps, rule levels, rule memories and trend slices in one
/// allocation. They were arrays, and each array costs its 32 bytes of header and the allocator's
/// 16 besides its elements, in every device. The parts hold only what is used: gaps for the
/// metrics a missing-data rule watches (the engine's `gapPlaces`), memories for the rules that
/// remember something (`memoryPlaces`), a byte for each rule's level. The metric states and
/// levels are aligned with the engine's profile; the trend slices are grouped by metric
/// (`TrendBucket.slices(of:in:)`). A value, copied on write when shared, as the arrays were, so
/// it is as safe to send as they were (the storage itself is never changed while shared).
public struct DeviceSlots: @unchecked Sendable, Hashable {
    private var storage: DeviceSlotStorage

    /// `metrics` fresh metric states, `gaps` fresh gaps, `levels` armed rules and `memories`.
    init(metrics: Int, gaps: Int, levels: Int, memories: [RuleMemory]) {
        precondition([metrics, gaps, levels, memories.count].allSatisfy { $0 <= Int(UInt16.max) }, "too many metrics or rules for a device")
        storage = .make(DeviceSlotCounts(metrics: UInt16(metrics), gaps: UInt16(gaps), rules: UInt16(levels), memories: UInt16(memories.count),
                                         trend: 0, trendRoom: 0))
        storage.metrics.initialize(repeating: MetricState(), count: metrics)
        storage.gaps.initialize(repeating: ReportingGaps(), count: gaps)
        storage.levels.initialize(repeating: nil, count: levels)
        storage.memories.initialize(from: memories, count: memories.count)
    }

    private var counts: DeviceSlotCounts { storage.header }

    /// The part of `count` elements that starts `offset` bytes in; changed through it only once
    /// the storage is this value's own (each part's `_modify` sees to that).
    private func part<Element>(at offset: Int, count: some BinaryInteger) -> DeviceSlotRegion<Element> {
        DeviceSlotRegion(storage, offset: offset, count: Int(count))
    }

    public var metrics: DeviceSlotRegion<MetricState> {
        get { part(at: 0, count: counts.metrics) }
        _modify {
            makeUnique()
            var region: DeviceSlotRegion<MetricState> = part(at: 0, count: counts.metrics)
            yield &region
        }
    }

    var gaps: DeviceSlotRegion<ReportingGaps> {
        get { part(at: counts.gapsOffset, count: counts.gaps) }
        _modify {
            makeUnique()
            var region: DeviceSlotRegion<ReportingGaps> = part(at: counts.gapsOffset, count: counts.gaps)
            yield &region
        }
    }

    public var levels: DeviceSlotRegion<WorkOrderPriority?> {
        get { part(at: counts.levelsOffset, count: counts.rules) }
        _modify {
            makeUnique()
            var region: DeviceSlotRegion<WorkOrderPriority?> = part(at: counts.levelsOffset, count: counts.rules)
            yield &region
        }
    }

    var memories: DeviceSlotRegion<RuleMemory> {
        get { part(at: counts.memoriesOffset, count: counts.memories) }
        _modify {
            makeUnique()
            var region: DeviceSlotRegion<RuleMemory> = part(at: counts.memoriesOffset, count: counts.memories)
            yield &region
        }
    }

    /// The trend slices; `insertTrend`, `removeTrend` and `replaceTrend` change how many.
    var trend: DeviceSlotRegion<TrendBucket> {
        get { part(at: counts.trendOffset, count: counts.trend) }
        _modify {
            makeUnique()
            var region: DeviceSlotRegion<TrendBucket> = part(at: counts.trendOffset, count: counts.trend)
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
        lhs.storage === rhs.storage || (lhs.metrics == rhs.metrics && lhs.gaps == rhs.gaps && lhs.levels == rhs.levels
            && lhs.memories == rhs.memories && lhs.trend == rhs.trend)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metrics)
        hasher.combine(gaps)
        hasher.combine(levels)
        hasher.combine(memories)
        hasher.combine(trend)
    }
}
