/// The one allocation behind a `DeviceSlots`: a header of counts, then the metric states, the
/// rule states and the trend slices, each part bound to its own type. Only the rule states hold
/// references (their memories' arrays); the other two are plain bytes, copied as such.
final class DeviceSlotStorage: ManagedBuffer<DeviceSlotCounts, UInt64> {
    /// A storage for `counts`, its parts' memory bound to their types and not yet initialised.
    static func make(_ counts: DeviceSlotCounts) -> DeviceSlotStorage {
        precondition(MemoryLayout<MetricState>.alignment <= 8 && MemoryLayout<RuleState>.alignment <= 8
            && MemoryLayout<TrendBucket>.alignment <= 8 && MemoryLayout<MetricState>.stride % 8 == 0
            && MemoryLayout<RuleState>.stride % 8 == 0 && MemoryLayout<TrendBucket>.stride % 8 == 0)
        let storage = unsafeDowncast(create(minimumCapacity: counts.words) { _ in counts }, to: DeviceSlotStorage.self)
        storage.withUnsafeMutablePointerToElements { words in
            let raw = UnsafeMutableRawPointer(words)
            raw.bindMemory(to: MetricState.self, capacity: Int(counts.metrics))
            (raw + counts.rulesOffset).bindMemory(to: RuleState.self, capacity: Int(counts.rules))
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
    var rules: UnsafeMutablePointer<RuleState> { pointer(to: RuleState.self, at: header.rulesOffset) }
    var trend: UnsafeMutablePointer<TrendBucket> { pointer(to: TrendBucket.self, at: header.trendOffset) }

    /// A storage with the same states and slices and room for `trendRoom` slices (at least the
    /// slices held).
    func copy(trendRoom: Int) -> DeviceSlotStorage {
        var counts = header
        counts.trendRoom = UInt32(max(trendRoom, Int(counts.trend)))
        let copy = Self.make(counts)
        copy.metrics.initialize(from: metrics, count: Int(counts.metrics))
        copy.rules.initialize(from: rules, count: Int(counts.rules))
        copy.trend.initialize(from: trend, count: Int(counts.trend))
        return copy
    }

    deinit {
        _ = withUnsafeMutablePointers { counts, _ in rules.deinitialize(count: Int(counts.pointee.rules)) }
    }
}
