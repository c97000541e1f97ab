import FleetModel

/// A device's metric states, reporting gaps, rule levels, rule memories, trend windows, open
/// orders and closed orders' numbers in one allocation. They were arrays, and each array costs its
/// 32 bytes of header and the allocator's 16 besides its elements, in every device; and an array
/// that lives on between two devices' allocations leaves a hole when they grow. The parts hold
/// only what is used: gaps for the metrics a missing-data rule watches (the engine's `gapPlaces`),
/// memories for the rules that remember something, each in the part of its form (`memoryPlaces`),
/// a byte for each rule's level, a window of trend slices for each metric that keeps a trend
/// (`trendPlaces`): its first slice's number and how many it holds, its slices following those of
/// the windows before it; and a rate rule's extremes, a count and its buckets after those of the
/// rules before it. The metric states and levels are aligned with the engine's profile. A
/// value, copied on write when shared, as the arrays were, so it is as safe to send as they were
/// (the storage itself is never changed while shared).
public struct DeviceSlots: @unchecked Sendable, Hashable {
    private var storage: DeviceSlotStorage

    /// `metrics` fresh metric states, `gaps` fresh gaps, `levels` armed rules, the fresh memories
    /// of `pairs` threshold and counter rules, `repeats` repeat rules and `rates` rate rules, and
    /// `trendWindows` empty trend windows; no orders.
    init(metrics: Int, gaps: Int, levels: Int, pairs: Int = 0, repeats: Int = 0, rates: Int = 0, trendWindows: Int) {
        precondition(metrics <= Int(UInt16.max) && [gaps, levels, pairs, repeats, rates, trendWindows].allSatisfy { $0 <= Int(UInt8.max) },
                     "too many metrics or rules for a device")
        storage = .make(DeviceSlotCounts(metrics: UInt16(metrics), rules: UInt8(levels), pairs: UInt8(pairs), repeats: UInt8(repeats), rates: UInt8(rates),
                                         gaps: UInt8(gaps), trendWindows: UInt8(trendWindows)))
        storage.metrics.initialize(repeating: MetricState(), count: metrics)
        storage.gaps.initialize(repeating: ReportingGaps(), count: gaps)
        storage.levels.initialize(repeating: nil, count: levels)
        storage.pairs.initialize(repeating: PairedMemory(), count: pairs)
        storage.repeats.initialize(repeating: RepeatMemory(), count: repeats)
        storage.extremaCounts.initialize(repeating: 0, count: rates)
        storage.anchors.initialize(repeating: 0, count: trendWindows)
        storage.windowCounts.initialize(repeating: 0, count: trendWindows)
    }

    private var counts: DeviceSlotCounts { storage.header }

    /// The part of `count` elements that starts `offset` bytes in, to read.
    private func part<Element>(at offset: Int, count: some BinaryInteger) -> DeviceSlotRegion<Element> {
        DeviceSlotRegion(storage, offset: offset, count: Int(count))
    }

    /// The same part, to change: the storage is made this value's own first.
    private mutating func ownPart<Element>(at offset: Int, count: some BinaryInteger) -> DeviceSlotRegion<Element> {
        makeUnique()
        return part(at: offset, count: count)
    }

    public var metrics: DeviceSlotRegion<MetricState> {
        get { part(at: 0, count: counts.metrics) }
        _modify { var region: DeviceSlotRegion<MetricState> = ownPart(at: 0, count: counts.metrics); yield &region }
    }

    var gaps: DeviceSlotRegion<ReportingGaps> {
        get { part(at: counts.gapsOffset, count: counts.gaps) }
        _modify { var region: DeviceSlotRegion<ReportingGaps> = ownPart(at: counts.gapsOffset, count: counts.gaps); yield &region }
    }

    public var levels: DeviceSlotRegion<WorkOrderPriority?> {
        get { part(at: counts.levelsOffset, count: counts.rules) }
        _modify { var region: DeviceSlotRegion<WorkOrderPriority?> = ownPart(at: counts.levelsOffset, count: counts.rules); yield &region }
    }

    /// The threshold and counter rules' memories.
    var pairs: DeviceSlotRegion<PairedMemory> {
        get { part(at: counts.pairsOffset, count: counts.pairs) }
        _modify { var region: DeviceSlotRegion<PairedMemory> = ownPart(at: counts.pairsOffset, count: counts.pairs); yield &region }
    }

    var repeats: DeviceSlotRegion<RepeatMemory> {
        get { part(at: counts.repeatsOffset, count: counts.repeats) }
        _modify { var region: DeviceSlotRegion<RepeatMemory> = ownPart(at: counts.repeatsOffset, count: counts.repeats); yield &region }
    }

    /// Rate rule `r`'s window of extremes (`r` is its place among the rate rules), oldest first.
    func extrema(ofRule r: Int) -> DeviceSlotRegion<ExtremaBucket> {
        let range = Self.range(r, among: storage.extremaCounts)
        return part(at: counts.extremaOffset + range.lowerBound * MemoryLayout<ExtremaBucket>.stride, count: range.count)
    }

    /// Replaces the extremes in `range` of rate rule `r`'s with `buckets`. Room grows to exactly
    /// what is held.
    mutating func replaceExtrema(_ range: Range<Int>, ofRule r: Int, with buckets: some Collection<ExtremaBucket>) {
        let held = Self.range(r, among: storage.extremaCounts)
        precondition(range.lowerBound >= 0 && range.upperBound <= held.count, "range out of bounds")
        let total = held.count - range.count + buckets.count
        precondition(total <= Int(UInt8.max), "too many extremes for a rate rule")
        replace(range.lowerBound + held.lowerBound ..< range.upperBound + held.lowerBound, in: .extrema, held: storage.extremaCount, with: buckets)
        storage.extremaCounts[r] = UInt8(total)
    }

    /// Widens rate rule `r`'s newest bucket, in place, to take `value`.
    mutating func widenNewestExtremum(ofRule r: Int, with value: Double) {
        let range = Self.range(r, among: storage.extremaCounts)
        precondition(!range.isEmpty, "no bucket to widen")
        makeUnique()
        let newest = storage.extrema + range.upperBound - 1
        (newest.pointee.low, newest.pointee.high) = (min(newest.pointee.low, value), max(newest.pointee.high, value))
    }

    /// The trend slices of every window, each window's oldest first.
    private var trend: DeviceSlotRegion<TrendBucket> {
        get { part(at: counts.trendOffset, count: counts.trend) }
        _modify { var region: DeviceSlotRegion<TrendBucket> = ownPart(at: counts.trendOffset, count: counts.trend); yield &region }
    }

    /// The open orders, oldest first.
    var orders: DeviceSlotRegion<OpenOrder> {
        get { part(at: counts.ordersOffset, count: counts.orders) }
        _modify { var region: DeviceSlotRegion<OpenOrder> = ownPart(at: counts.ordersOffset, count: counts.orders); yield &region }
    }

    /// Adds an open order after the others.
    mutating func appendOrder(_ order: OpenOrder) {
        precondition(counts.orders < UInt8.max, "too many open orders for a device")
        var grown = counts
        grown.orders += 1
        storage = storage.reshaped(grown)
        (storage.orders + Int(grown.orders) - 1).initialize(to: order)
    }

    /// Takes out the open order at `index`; the ones after it move up. The storage keeps its size
    /// until it next grows.
    mutating func removeOrder(at index: Int) -> OpenOrder {
        precondition(index >= 0 && index < Int(counts.orders), "index out of range")
        makeUnique()
        let orders = storage.orders
        let removed = (orders + index).move()
        (orders + index).moveInitialize(from: orders + index + 1, count: Int(counts.orders) - index - 1)
        storage.header.orders -= 1
        return removed
    }

    /// Numbers of the orders closed lately, oldest first.
    var closed: DeviceSlotRegion<UInt32> { part(at: counts.closedOffset, count: counts.closed) }

    /// How many closed numbers a device keeps for `limit` (`EngineSettings.closedMemory`): a byte counts them.
    private static func closedRoom(_ limit: Int) -> Int { min(max(limit, 0), Int(UInt8.max)) }

    /// Remembers a closed order's number, forgetting the oldest beyond `limit` (at most 255).
    mutating func rememberClosed(_ number: UInt32, limit: Int) {
        let limit = Self.closedRoom(limit)
        guard limit > 0 else { return }
        if Int(counts.closed) < limit {
            var grown = counts
            grown.closed += 1
            storage = storage.reshaped(grown)
        } else {
            makeUnique()
            let closed = storage.closed
            closed.update(from: closed + 1, count: Int(counts.closed) - 1)
        }
        storage.closed[Int(counts.closed) - 1] = number
    }

    /// Room for trend slices, held or not.
    var trendRoom: Int { Int(counts.trendRoom) }

    /// Room for the rate rules' extremes, held or not.
    var extremaRoom: Int { Int(counts.extremaRoom) }

    /// How many trend slices all windows hold.
    var trendCount: Int { Int(counts.trend) }

    /// Where trend window `w`'s slices are among all the windows' slices.
    private func trendRange(ofWindow w: Int) -> Range<Int> { Self.range(w, among: storage.windowCounts) }

    /// Where the `n`th of some windows is among all their elements, given how many each holds.
    private static func range(_ n: Int, among held: UnsafeMutablePointer<UInt8>) -> Range<Int> {
        let start = (0 ..< n).reduce(0) { $0 + Int(held[$1]) }
        return start ..< start + Int(held[n])
    }

    /// Trend window `w`'s slices with their numbers, oldest first (its empty places left out).
    func trendSlices(ofWindow w: Int) -> some BidirectionalCollection<TrendSlice> {
        let (anchor, range, buckets) = (storage.anchors[w], trendRange(ofWindow: w), trend)
        return range.lazy.filter { buckets[$0].count > 0 }.map { TrendSlice(slice: anchor + UInt32($0 - range.lowerBound), bucket: buckets[$0]) }
    }

    /// Replaces trend window `w`'s slices with `slices`, oldest first (`places(of:)` says which are
    /// kept). Room grows to exactly what is held.
    mutating func replaceTrend(ofWindow w: Int, with slices: some Collection<TrendSlice>) {
        let (anchor, places) = Self.places(of: slices)
        replaceTrend(trendRange(ofWindow: w), with: places)
        storage.anchors[w] = anchor
        storage.windowCounts[w] = UInt8(places.count)
    }

    /// A window's first slice number and its places from it, for `slices`, oldest first: empty ones,
    /// those not after the slice before them, and those `TrendBucket.windowLimit` places after
    /// the first or more are left out (a window never holds them).
    private static func places(of slices: some Collection<TrendSlice>) -> (anchor: UInt32, places: [TrendBucket]) {
        let held = slices.filter { $0.count > 0 }
        let anchor = held.first?.slice ?? 0
        var places: [TrendBucket] = []
        for slice in held where slice.slice >= anchor + UInt32(places.count) && Int(slice.slice - anchor) < TrendBucket.windowLimit {
            places.append(contentsOf: repeatElement(.empty, count: Int(slice.slice - anchor) - places.count))
            places.append(slice.bucket)
        }
        return (anchor, places)
    }

    /// Fills a device that holds no orders, closed numbers or trend slices yet with the newest
    /// `limit` of `closed` (oldest first, as `rememberClosed` keeps them), `orders` and the trend
    /// windows' slices (`trend[w]`, as `replaceTrend(ofWindow:with:)` takes them), with room for
    /// `extrema` rate rules' extremes, in one allocation of exactly their size: a restore of a
    /// million devices took an allocation for each number, order and window.
    mutating func restore(closed all: [UInt32], limit: Int, orders: [OpenOrder], trend: [Int: [TrendSlice]], extrema: Int = 0) {
        precondition(counts.closed == 0 && counts.orders == 0 && counts.trend == 0, "a restore fills a device that holds none")
        precondition(orders.count <= Int(UInt8.max), "too many orders for a device")
        let closed = all.suffix(Self.closedRoom(limit))
        let windows = (0 ..< Int(counts.trendWindows)).map { trend[$0].map(Self.places) ?? (anchor: 0, places: []) }
        var shaped = counts
        shaped.closed = UInt8(closed.count)
        shaped.orders = UInt8(orders.count)
        shaped.trendRoom = UInt16(max(Int(shaped.trendRoom), windows.reduce(0) { $0 + $1.places.count }))
        shaped.extremaRoom = UInt16(clamping: max(Int(shaped.extremaRoom), extrema))
        storage = storage.reshaped(shaped)
        _ = UnsafeMutableBufferPointer(start: storage.closed, count: closed.count).initialize(from: closed)
        storage.orders.initialize(from: orders, count: orders.count)
        var held = 0
        for (w, window) in windows.enumerated() {
            (storage.trend + held).initialize(from: window.places, count: window.places.count)
            storage.anchors[w] = window.anchor
            storage.windowCounts[w] = UInt8(window.places.count)
            held += window.places.count
        }
        storage.header.trend = UInt16(held)
    }

    /// Drops trend window `w`'s slices numbered before `oldest`, and the empty places after them:
    /// its next slice becomes its first.
    mutating func dropTrend(before oldest: UInt32, ofWindow w: Int) {
        let (range, anchor) = (trendRange(ofWindow: w), storage.anchors[w])
        guard anchor < oldest, !range.isEmpty else { return }
        var gone = min(Int(oldest - anchor), range.count)
        while gone < range.count, trend[range.lowerBound + gone].count == 0 { gone += 1 }
        replaceTrend(range.lowerBound ..< range.lowerBound + gone, with: EmptyCollection())
        storage.windowCounts[w] -= UInt8(gone)
        storage.anchors[w] = anchor + UInt32(gone)
    }

    /// Adds the sample `value`, `fraction` of slice `slice` into it, to trend window `w`: to its
    /// newest slice when that is `slice`, else to a new slice after its others, with an empty
    /// place for each slice between. When the room is full it grows by `step` slices, not twice
    /// over (a device's slices grow by one for each of its windows, to their bound). A slice the
    /// window cannot place after its newest (never, as its metric's readings come in time order),
    /// or beyond its reach, starts the window again.
    mutating func addTrend(_ value: Double, fraction: Double, slice: UInt32, toWindow w: Int, growingBy step: Int) {
        var range = trendRange(ofWindow: w)
        let next = Int64(storage.anchors[w]) + Int64(range.count)
        if !range.isEmpty, Int64(slice) == next - 1 {
            trend[range.upperBound - 1].add(fraction: fraction, value: value)
            return
        }
        if range.isEmpty || Int64(slice) < next || Int64(slice) - Int64(storage.anchors[w]) >= Int64(TrendBucket.windowLimit) {
            replaceTrend(range, with: EmptyCollection())
            storage.anchors[w] = slice
            storage.windowCounts[w] = 0
            range = range.lowerBound ..< range.lowerBound
        }
        var bucket = TrendBucket()
        bucket.add(fraction: fraction, value: value)
        let gap = Int(slice - storage.anchors[w]) - range.count
        replaceTrend(range.upperBound ..< range.upperBound, with: (0 ... gap).lazy.map { $0 == gap ? bucket : .empty }, growingBy: step)
        storage.windowCounts[w] += UInt8(gap + 1)
    }

    /// Replaces the trend slices in `range` with `buckets`; when they do not fit, the room grows
    /// to hold them and `step` more slices at most. The windows' counts are the caller's to mend.
    private mutating func replaceTrend(_ range: Range<Int>, with buckets: some Collection<TrendBucket>, growingBy step: Int = 0) {
        let total = Int(counts.trend) - range.count + buckets.count
        precondition(total <= Int(UInt16.max), "too many trend slices for a device")
        replace(range, in: .trend, held: Int(counts.trend), with: buckets, growingBy: step)
        storage.header.trend = UInt16(total)
    }

    /// The parts that grow and shrink within the room kept for them.
    private enum GrowingPart { case trend, extrema }

    /// Replaces the elements in `range` of the `held` in `part` with `elements`; when they do not
    /// fit, the room grows to hold them and `step` more at most. The part's counts are the
    /// caller's to mend.
    private mutating func replace<Element>(_ range: Range<Int>, in part: GrowingPart, held: Int, with elements: some Collection<Element>,
                                           growingBy step: Int = 0) {
        precondition(range.lowerBound >= 0 && range.upperBound <= held, "range out of bounds")
        let total = held - range.count + elements.count
        if total > (part == .trend ? trendRoom : Int(counts.extremaRoom)) {
            var grown = counts
            let room = UInt16(max(total, held + max(step, 1)))
            if part == .trend { grown.trendRoom = room } else { grown.extremaRoom = room }
            storage = storage.reshaped(grown)
        } else {
            makeUnique()
        }
        let first = storage.pointer(to: Element.self, at: part == .trend ? counts.trendOffset : counts.extremaOffset)
        UnsafeMutableRawPointer(first + range.lowerBound + elements.count)
            .copyMemory(from: first + range.upperBound, byteCount: (held - range.upperBound) * MemoryLayout<Element>.stride)
        _ = UnsafeMutableBufferPointer(start: first + range.lowerBound, count: elements.count).initialize(from: elements)
    }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.reshaped(counts) }
    }

    /// The trend windows' slices with their numbers (a window's first slice is how it keeps them).
    private var trendWindows: [[TrendSlice]] { (0 ..< Int(counts.trendWindows)).map { Array(trendSlices(ofWindow: $0)) } }

    /// Each rate rule's extremes.
    var rateWindows: [[ExtremaBucket]] { (0 ..< Int(counts.rates)).map { Array(extrema(ofRule: $0)) } }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.storage === rhs.storage || (lhs.metrics == rhs.metrics && lhs.gaps == rhs.gaps && lhs.levels == rhs.levels
            && lhs.pairs == rhs.pairs && lhs.repeats == rhs.repeats && lhs.rateWindows == rhs.rateWindows && lhs.trendWindows == rhs.trendWindows
            && lhs.orders == rhs.orders && lhs.closed == rhs.closed)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metrics)
        hasher.combine(gaps)
        hasher.combine(levels)
        hasher.combine(pairs)
        hasher.combine(repeats)
        hasher.combine(rateWindows)
        hasher.combine(trendWindows)
        hasher.combine(orders)
        hasher.combine(closed)
    }
}
