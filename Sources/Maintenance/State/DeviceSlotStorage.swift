import FleetModel

/// The one allocation behind a `DeviceSlots`: a header of counts, then the metric states, the
/// rule memories (threshold and counter rules' pairs, repeat rules'), the reporting gaps, the
/// trend windows' first slices, the closed orders' numbers, the rule levels, the trend windows'
/// slice counts and groups, the rate rules' extremes counts, the trend cells, the rate rules'
/// extremes and the open orders, each part bound to its own type. Only the repeat rules' memories and the open
/// orders hold references; the other parts are plain bytes, copied as such.
final class DeviceSlotStorage: ManagedBuffer<DeviceSlotCounts, UInt64> {
    /// A storage for `counts`, its parts' memory bound to their types and not yet initialised.
    static func make(_ counts: DeviceSlotCounts) -> DeviceSlotStorage {
        precondition(MemoryLayout<MetricState>.stride % 8 == 0 && MemoryLayout<PairedMemory>.stride % 8 == 0
            && MemoryLayout<RepeatMemory>.stride % 8 == 0 && MemoryLayout<ReportingGaps>.stride % 8 == 0 && MemoryLayout<ExtremaBucket>.stride % 8 == 0
            && MemoryLayout<RepeatMemory>.alignment <= 8 && MemoryLayout<OpenOrder>.alignment <= 8)
        let storage = unsafeDowncast(create(minimumCapacity: counts.words) { _ in counts }, to: DeviceSlotStorage.self)
        storage.withUnsafeMutablePointerToElements { words in
            let raw = UnsafeMutableRawPointer(words)
            raw.bindMemory(to: MetricState.self, capacity: Int(counts.metrics))
            (raw + counts.pairsOffset).bindMemory(to: PairedMemory.self, capacity: Int(counts.pairs))
            (raw + counts.repeatsOffset).bindMemory(to: RepeatMemory.self, capacity: Int(counts.repeats))
            (raw + counts.gapsOffset).bindMemory(to: ReportingGaps.self, capacity: Int(counts.gaps))
            (raw + counts.anchorsOffset).bindMemory(to: UInt32.self, capacity: Int(counts.trendWindows) + Int(counts.closed))
            (raw + counts.levelsOffset).bindMemory(to: WorkOrderPriority?.self, capacity: Int(counts.rules))
            (raw + counts.windowCountsOffset).bindMemory(to: UInt8.self, capacity: 2 * Int(counts.trendWindows) + Int(counts.rates))
            (raw + counts.trendOffset).bindMemory(to: UInt32.self, capacity: Int(counts.trendRoom))
            (raw + counts.extremaOffset).bindMemory(to: ExtremaBucket.self, capacity: Int(counts.extremaRoom))
            (raw + counts.ordersOffset).bindMemory(to: OpenOrder.self, capacity: Int(counts.orders))
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
    var gaps: UnsafeMutablePointer<ReportingGaps> { pointer(to: ReportingGaps.self, at: header.gapsOffset) }
    var anchors: UnsafeMutablePointer<UInt32> { pointer(to: UInt32.self, at: header.anchorsOffset) }
    var levels: UnsafeMutablePointer<WorkOrderPriority?> { pointer(to: WorkOrderPriority?.self, at: header.levelsOffset) }
    var windowCounts: UnsafeMutablePointer<UInt8> { pointer(to: UInt8.self, at: header.windowCountsOffset) }
    var groups: UnsafeMutablePointer<UInt8> { pointer(to: UInt8.self, at: header.groupsOffset) }
    var extremaCounts: UnsafeMutablePointer<UInt8> { pointer(to: UInt8.self, at: header.extremaCountsOffset) }
    var trend: UnsafeMutablePointer<UInt32> { pointer(to: UInt32.self, at: header.trendOffset) }
    var extrema: UnsafeMutablePointer<ExtremaBucket> { pointer(to: ExtremaBucket.self, at: header.extremaOffset) }
    var closed: UnsafeMutablePointer<UInt32> { pointer(to: UInt32.self, at: header.closedOffset) }
    var orders: UnsafeMutablePointer<OpenOrder> { pointer(to: OpenOrder.self, at: header.ordersOffset) }

    /// How many extremes the rate rules hold in all.
    var extremaCount: Int { (0 ..< Int(header.rates)).reduce(0) { $0 + Int(extremaCounts[$1]) } }

    /// A storage with the parts `counts` gives, holding this one's: of each part as many of its
    /// first elements as both have room for. The caller initialises any elements beyond those at
    /// once (the storage's `deinit` takes its counts as said).
    func reshaped(_ counts: DeviceSlotCounts) -> DeviceSlotStorage {
        let (held, extremaHeld) = (header, extremaCount)
        let copy = Self.make(counts)
        func keep<T>(_ part: UnsafeMutablePointer<T>, into copied: UnsafeMutablePointer<T>, _ count: some BinaryInteger, _ room: some BinaryInteger) {
            copied.initialize(from: part, count: min(Int(count), Int(room)))
        }
        keep(metrics, into: copy.metrics, held.metrics, counts.metrics)
        keep(pairs, into: copy.pairs, held.pairs, counts.pairs)
        keep(repeats, into: copy.repeats, held.repeats, counts.repeats)
        keep(gaps, into: copy.gaps, held.gaps, counts.gaps)
        keep(anchors, into: copy.anchors, held.trendWindows, counts.trendWindows)
        keep(closed, into: copy.closed, held.closed, counts.closed)
        keep(levels, into: copy.levels, held.rules, counts.rules)
        keep(windowCounts, into: copy.windowCounts, held.trendWindows, counts.trendWindows)
        keep(groups, into: copy.groups, held.trendWindows, counts.trendWindows)
        keep(extremaCounts, into: copy.extremaCounts, held.rates, counts.rates)
        keep(trend, into: copy.trend, held.trend, counts.trend)
        keep(extrema, into: copy.extrema, extremaHeld, counts.extremaRoom)
        keep(orders, into: copy.orders, held.orders, counts.orders)
        return copy
    }

    deinit {
        let counts = header
        repeats.deinitialize(count: Int(counts.repeats))
        orders.deinitialize(count: Int(counts.orders))
    }
}
