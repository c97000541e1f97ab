import FleetModel

/// The one allocation behind a `DeviceSlots`: a header of counts, then the metric states, the
/// rule memories (threshold and counter rules' pairs, repeat rules' and rate rules' windows), the
/// reporting gaps, the trend windows' first slices, the rule levels, the trend windows' slice
/// counts and the trend slices, each part bound to its own type. Only the repeat and rate rules'
/// memories hold references (their arrays); the other parts are plain bytes, copied as such.
final class DeviceSlotStorage: ManagedBuffer<DeviceSlotCounts, UInt64> {
    /// A storage for `counts`, its parts' memory bound to their types and not yet initialised.
    static func make(_ counts: DeviceSlotCounts) -> DeviceSlotStorage {
        precondition(MemoryLayout<MetricState>.stride % 8 == 0 && MemoryLayout<PairedMemory>.stride % 8 == 0
            && MemoryLayout<RepeatMemory>.stride % 8 == 0 && MemoryLayout<ReportingGaps>.stride % 8 == 0
            && MemoryLayout<RepeatMemory>.alignment <= 8 && MemoryLayout<TrendBucket>.alignment <= 8)
        let storage = unsafeDowncast(create(minimumCapacity: counts.words) { _ in counts }, to: DeviceSlotStorage.self)
        storage.withUnsafeMutablePointerToElements { words in
            let raw = UnsafeMutableRawPointer(words)
            raw.bindMemory(to: MetricState.self, capacity: Int(counts.metrics))
            (raw + counts.pairsOffset).bindMemory(to: PairedMemory.self, capacity: Int(counts.pairs))
            (raw + counts.repeatsOffset).bindMemory(to: RepeatMemory.self, capacity: Int(counts.repeats))
            (raw + counts.ratesOffset).bindMemory(to: [ExtremaBucket].self, capacity: Int(counts.rates))
            (raw + counts.gapsOffset).bindMemory(to: ReportingGaps.self, capacity: Int(counts.gaps))
            (raw + counts.anchorsOffset).bindMemory(to: UInt32.self, capacity: Int(counts.trendWindows))
            (raw + counts.levelsOffset).bindMemory(to: WorkOrderPriority?.self, capacity: Int(counts.rules))
            (raw + counts.windowCountsOffset).bindMemory(to: UInt8.self, capacity: Int(counts.trendWindows))
            (raw + counts.trendOffset).bindMemory(to: TrendBucket.self, capacity: Int(counts.trendRoom))
        }
        return storage
    }

    /// The first of the part of type `T` that starts `offset` bytes in. The storage keeps its
    /// elements in place for its whole life, so the pointer is good while it is held.
    func pointer<T>(to _: T.Type, at offset: Int) -> UnsafeMutablePointer<T> {
        withUnsafeMutablePointerToElements { (UnsafeMutableRawPointer($0) + offset).assumingMemoryBound(to: T.self) }
    }

    var metrics: UnsafeMutablePointer<MetricState> { pointer(to: MetricState.self, at: 0) }
    var pairs: UnsafeMutablePointer<PairedMemory> { pointer(to: PairedMemory.self, at: header.pairsOffset) }
    var repeats: UnsafeMutablePointer<RepeatMemory> { pointer(to: RepeatMemory.self, at: header.repeatsOffset) }
    var rates: UnsafeMutablePointer<[ExtremaBucket]> { pointer(to: [ExtremaBucket].self, at: header.ratesOffset) }
    var gaps: UnsafeMutablePointer<ReportingGaps> { pointer(to: ReportingGaps.self, at: header.gapsOffset) }
    var anchors: UnsafeMutablePointer<UInt32> { pointer(to: UInt32.self, at: header.anchorsOffset) }
    var levels: UnsafeMutablePointer<WorkOrderPriority?> { pointer(to: WorkOrderPriority?.self, at: header.levelsOffset) }
    var windowCounts: UnsafeMutablePointer<UInt8> { pointer(to: UInt8.self, at: header.windowCountsOffset) }
    var trend: UnsafeMutablePointer<TrendBucket> { pointer(to: TrendBucket.self, at: header.trendOffset) }

    /// A storage with the same parts and room for `trendRoom` slices (at least the slices held).
    func copy(trendRoom: Int) -> DeviceSlotStorage {
        var counts = header
        counts.trendRoom = UInt16(max(trendRoom, Int(counts.trend)))
        let copy = Self.make(counts)
        copy.metrics.initialize(from: metrics, count: Int(counts.metrics))
        copy.pairs.initialize(from: pairs, count: Int(counts.pairs))
        copy.repeats.initialize(from: repeats, count: Int(counts.repeats))
        copy.rates.initialize(from: rates, count: Int(counts.rates))
        copy.gaps.initialize(from: gaps, count: Int(counts.gaps))
        copy.anchors.initialize(from: anchors, count: Int(counts.trendWindows))
        copy.levels.initialize(from: levels, count: Int(counts.rules))
        copy.windowCounts.initialize(from: windowCounts, count: Int(counts.trendWindows))
        copy.trend.initialize(from: trend, count: Int(counts.trend))
        return copy
    }

    deinit {
        let counts = header
        repeats.deinitialize(count: Int(counts.repeats))
        rates.deinitialize(count: Int(counts.rates))
    }
}
