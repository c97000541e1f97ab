import FleetModel

/// A device's metric states, reporting gaps, rule levels, rule memories, trend windows, open
/// orders and closed orders' numbers in one allocation. They were arrays, and each array costs its
/// 32 bytes of header and the allocator's 16 besides its elements, in every device; and an array
/// that lives on between two devices' allocations leaves a hole when they grow. The parts hold
/// only what is used: gaps for the metrics a missing-data rule watches (the engine's `gapPlaces`),
/// memories for the rules that remember something, each in the part of its form (`memoryPlaces`),
/// a byte for each rule's level, a window of trend slices for each metric that keeps a trend
/// (`trendPlaces`): its first slice's number and how many it holds, its cells following those of
/// the windows before it (`trendCells`); and a rate rule's extremes, a count and its buckets after
/// those of the rules before it. The metric states and levels are aligned with the engine's profile. A
/// value, copied on write when shared, as the arrays were, so it is as safe to send as they were
/// (the storage itself is never changed while shared).
public struct DeviceSlots: @unchecked Sendable, Hashable {
    private var storage: DeviceSlotStorage

    /// `metrics` fresh metric states, `gaps` fresh gaps, `levels` armed rules, the fresh memories
    /// of `pairs` threshold and counter rules, `repeats` repeat rules and `rates` rate rules, and
    /// `trendWindows` empty trend windows, each sharing the grid of the window `trendLeaders` gives
    /// it (an earlier one, or itself; each its own when none are given); no orders.
    init(metrics: Int, gaps: Int, levels: Int, pairs: Int = 0, repeats: Int = 0, rates: Int = 0, trendWindows: Int, trendLeaders: [Int] = []) {
        precondition(metrics <= Int(UInt16.max) && [gaps, levels, pairs, repeats, rates, trendWindows].allSatisfy { $0 <= Int(UInt8.max) },
                     "too many metrics or rules for a device")
        let leaders = trendLeaders.isEmpty ? Array(0 ..< trendWindows) : trendLeaders
        precondition(leaders.count == trendWindows && leaders.indices.allSatisfy { leaders[$0] <= $0 && leaders[leaders[$0]] == leaders[$0] },
                     "a trend window shares the grid of an earlier window that leads its own")
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
        for (w, leader) in leaders.enumerated() { storage.groups[w] = UInt8(leader) }
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

    /// Room for trend cells, held or not.
    var trendRoom: Int { Int(counts.trendRoom) }

    /// Room for the rate rules' extremes, held or not.
    var extremaRoom: Int { Int(counts.extremaRoom) }

    /// How many trend cells all windows hold.
    var trendCount: Int { Int(counts.trend) }

    /// Where the `n`th of some windows is among all their elements, given how many each holds.
    private static func range(_ n: Int, among held: UnsafeMutablePointer<UInt8>) -> Range<Int> {
        let start = (0 ..< n).reduce(0) { $0 + Int(held[$1]) }
        return start ..< start + Int(held[n])
    }

    // MARK: Trend windows

    // A trend slice (`TrendBucket`) is kept as two cells of four bytes: its grid cell (its samples'
    // count and mean time, `TrendBucket.grid`) and its sum's bits. Windows whose metrics have one
    // window shape and come in the same messages take their samples at the same times, so their
    // slices' grid cells are the same: such a group keeps them once, in the window that leads it
    // (`groups`). A window's cells follow those of the windows before it: a window that leads its
    // group (or is alone) holds its grid cells, then its sums; one that follows holds its sums
    // only, one for each of the leader's places. The engine keeps a group together only while
    // every message feeds all of it or none (`MaintenanceEngine.prepare`); before one that does
    // not, `splitTrend()` gives each window a grid of its own, so nothing a window holds changes.

    /// The window whose grid cells window `w`'s slices use: itself when it leads its group.
    private func leader(ofWindow w: Int) -> Int { Int(storage.groups[w]) }

    /// Whether some window shares another's grid cells.
    var sharesTrend: Bool { (0 ..< Int(counts.trendWindows)).contains { leader(ofWindow: $0) != $0 } }

    /// Whether trend windows `w` and `other` are two windows that share grid cells.
    func trendWindow(_ w: Int, sharesWith other: Int) -> Bool { other != w && leader(ofWindow: other) == leader(ofWindow: w) }

    /// How many places (slices, held or empty) window `w` holds: as many as its group's leader.
    private func places(ofWindow w: Int) -> Int { Int(storage.windowCounts[w]) }

    private func cells(ofWindow w: Int) -> Int { places(ofWindow: w) * (leader(ofWindow: w) == w ? 2 : 1) }

    /// Where window `w`'s cells start among all the windows' cells.
    private func start(ofWindow w: Int) -> Int { (0 ..< w).reduce(0) { $0 + cells(ofWindow: $1) } }

    /// Where the grid cells window `w` uses start.
    private func gridStart(ofWindow w: Int) -> Int { start(ofWindow: leader(ofWindow: w)) }

    /// Where window `w`'s sums start.
    private func sumsStart(ofWindow w: Int) -> Int { start(ofWindow: w) + (leader(ofWindow: w) == w ? places(ofWindow: w) : 0) }

    /// The `count` trend cells from `first`, to read.
    private func trendCells(from first: Int, count: Int) -> DeviceSlotRegion<UInt32> {
        part(at: counts.trendOffset + first * MemoryLayout<UInt32>.stride, count: count)
    }

    /// The windows of `w`'s group, the last first: changing a window's cells moves only those of
    /// the windows after it.
    private func group(ofWindow w: Int) -> some Sequence<Int> {
        let leader = leader(ofWindow: w)
        return stride(from: Int(counts.trendWindows) - 1, through: leader, by: -1).lazy.filter { self.leader(ofWindow: $0) == leader }
    }

    /// Trend window `w`'s slices with their numbers, oldest first (its empty places left out).
    func trendSlices(ofWindow w: Int) -> some BidirectionalCollection<TrendSlice> {
        let (anchor, count) = (storage.anchors[w], places(ofWindow: w))
        let (grid, sums) = (trendCells(from: gridStart(ofWindow: w), count: count), trendCells(from: sumsStart(ofWindow: w), count: count))
        return grid.indices.lazy.filter { TrendBucket(grid: grid[$0], sum: 0).count > 0 }
            .map { TrendSlice(slice: anchor + UInt32($0), bucket: TrendBucket(grid: grid[$0], sum: Float(bitPattern: sums[$0]))) }
    }

    /// Each window's places, grid cells and sums, empty ones included.
    private var trendCellsOfWindows: [(grid: [UInt32], sums: [UInt32])] {
        (0 ..< Int(counts.trendWindows)).map { w in
            let count = places(ofWindow: w)
            return (Array(trendCells(from: gridStart(ofWindow: w), count: count)), Array(trendCells(from: sumsStart(ofWindow: w), count: count)))
        }
    }

    /// Gives every window grid cells of its own, copied from its group's: from here each keeps
    /// what its own samples make, and its slices stay what they were.
    mutating func splitTrend() {
        guard sharesTrend else { return }
        regroupTrend(Array(0 ..< Int(counts.trendWindows)))
    }

    /// Takes trend window `w` out of the windows sharing its grid cells, with cells of its own;
    /// the others go on sharing theirs.
    private mutating func detachTrend(_ w: Int) {
        let leaders = (0 ..< Int(counts.trendWindows)).map(leader(ofWindow:))
        guard leaders.indices.contains(where: { trendWindow(w, sharesWith: $0) }) else { return }
        let rest = leaders.indices.first { $0 != w && leaders[$0] == leaders[w] }
        regroupTrend(leaders.indices.map { $0 == w ? w : leaders[$0] == leaders[w] ? rest ?? $0 : leaders[$0] })
    }

    /// Keeps the windows' slices in the groups `leaders` gives (windows grouped together must
    /// hold the same grid cells, as the windows of a group and its part do).
    private mutating func regroupTrend(_ leaders: [Int]) {
        let windows = trendCellsOfWindows
        reserveTrend(Self.cells(of: windows, leaders: leaders))
        fillTrend(windows, leaders: leaders)
    }

    /// How many cells `windows` take in the groups `leaders` gives.
    private static func cells(of windows: [(grid: [UInt32], sums: [UInt32])], leaders: [Int]) -> Int {
        let total = windows.indices.reduce(0) { $0 + windows[$1].sums.count * (leaders[$1] == $1 ? 2 : 1) }
        precondition(total <= Int(UInt16.max), "too many trend slices for a device")
        return total
    }

    /// Writes the cells of `windows` from the first on, in the room there is for them: a window
    /// that leads its group (`leaders`) its grid cells and its sums, one that follows its sums.
    private mutating func fillTrend(_ windows: [(grid: [UInt32], sums: [UInt32])], leaders: [Int]) {
        var cell = storage.trend
        for (w, window) in windows.enumerated() {
            for part in leaders[w] == w ? [window.grid, window.sums] : [window.sums] {
                cell.update(from: part, count: part.count)
                cell += part.count
            }
            storage.groups[w] = UInt8(leaders[w])
        }
        storage.header.trend = UInt16(cell - storage.trend)
    }

    /// Makes room for `total` trend cells, and `step` more at most when it grows; the storage is
    /// this value's own after it.
    private mutating func reserveTrend(_ total: Int, growingBy step: Int = 0) {
        if total > trendRoom {
            var grown = counts
            grown.trendRoom = UInt16(max(total, trendCount + max(step, 1)))
            storage = storage.reshaped(grown)
        } else {
            makeUnique()
        }
    }

    /// Replaces trend window `w`'s slices with `slices`, oldest first (`places(of:)` says which are
    /// kept). Room grows to exactly what is held. A window that shares its grid cells is given
    /// its own first (`detachTrend(_:)`).
    mutating func replaceTrend(ofWindow w: Int, with slices: some Collection<TrendSlice>) {
        detachTrend(w)
        let (anchor, places) = Self.places(of: slices)
        let first = start(ofWindow: w)
        replaceTrendCells(first ..< first + cells(ofWindow: w), with: places.map(\.grid) + places.map(\.sumValue.bitPattern))
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
    /// million devices took an allocation for each number, order and window. A window shares the
    /// grid cells of the first window of its group (as the device was made) that holds the same
    /// ones, else keeps its own.
    mutating func restore(closed all: [UInt32], limit: Int, orders: [OpenOrder], trend: [Int: [TrendSlice]], extrema: Int = 0) {
        precondition(counts.closed == 0 && counts.orders == 0 && counts.trend == 0, "a restore fills a device that holds none")
        precondition(orders.count <= Int(UInt8.max), "too many orders for a device")
        let closed = all.suffix(Self.closedRoom(limit))
        let windows = (0 ..< Int(counts.trendWindows)).map { trend[$0].map(Self.places) ?? (anchor: 0, places: []) }
        let cells = windows.map { (grid: $0.places.map(\.grid), sums: $0.places.map(\.sumValue.bitPattern)) }
        let kept = windows.indices.map { w in
            windows.indices.first { v in
                leader(ofWindow: v) == leader(ofWindow: w) && windows[v].anchor == windows[w].anchor && cells[v].grid == cells[w].grid
            } ?? w
        }
        let total = Self.cells(of: cells, leaders: kept)
        var shaped = counts
        shaped.closed = UInt8(closed.count)
        shaped.orders = UInt8(orders.count)
        shaped.trendRoom = UInt16(max(Int(shaped.trendRoom), total))
        shaped.extremaRoom = UInt16(clamping: max(Int(shaped.extremaRoom), extrema))
        storage = storage.reshaped(shaped)
        _ = UnsafeMutableBufferPointer(start: storage.closed, count: closed.count).initialize(from: closed)
        storage.orders.initialize(from: orders, count: orders.count)
        fillTrend(cells, leaders: kept)
        for (w, window) in windows.enumerated() {
            storage.anchors[w] = window.anchor
            storage.windowCounts[w] = UInt8(window.places.count)
        }
    }

    /// Drops the slices numbered before `oldest` of trend window `w` and of the windows sharing
    /// its grid cells, and the empty places after them: their next slice becomes their first.
    mutating func dropTrend(before oldest: UInt32, ofWindow w: Int) {
        let (count, anchor, grid) = (places(ofWindow: w), storage.anchors[w], gridStart(ofWindow: w))
        guard anchor < oldest, count > 0 else { return }
        var gone = min(Int(oldest - anchor), count)
        while gone < count, TrendBucket(grid: storage.trend[grid + gone], sum: 0).count == 0 { gone += 1 }
        dropPlaces(gone, ofWindow: w)
        for v in group(ofWindow: w) { storage.anchors[v] = anchor + UInt32(gone) }
    }

    /// Takes the first `gone` places out of trend window `w` and the windows sharing its grid cells.
    private mutating func dropPlaces(_ gone: Int, ofWindow w: Int) {
        for v in group(ofWindow: w) {
            if leader(ofWindow: v) == v {
                let sums = sumsStart(ofWindow: v)
                replaceTrendCells(sums ..< sums + gone, with: EmptyCollection())
            }
            let first = start(ofWindow: v)
            replaceTrendCells(first ..< first + gone, with: EmptyCollection())
            storage.windowCounts[v] -= UInt8(gone)
        }
    }

    /// Adds the sample `value`, `fraction` of slice `slice` into it, to trend window `w`. When
    /// `advancing`, the sample is new to the window's grid cells: it goes to its newest slice
    /// when that is `slice`, else to a new slice after its others, with an empty place for each
    /// slice between, in every window sharing the grid cells. Otherwise another window sharing
    /// them took a sample at the same time already, and only its value is added. When the room
    /// is full it grows by `step` slices of every window, not twice over. A slice the window
    /// cannot place after its newest (never, as its metric's readings come in time order), or
    /// beyond its reach, starts the window again.
    mutating func addTrend(_ value: Double, fraction: Double, slice: UInt32, toWindow w: Int, growingBy step: Int, advancing: Bool = true) {
        var count = places(ofWindow: w)
        if !advancing {
            precondition(count > 0, "a window sharing grid cells takes its value into the slice its group took the sample in")
            addValue(value, toWindow: w, place: count - 1)
            return
        }
        let next = Int64(storage.anchors[w]) + Int64(count)
        if count > 0, Int64(slice) == next - 1 {
            let cell = gridStart(ofWindow: w) + count - 1
            var bucket = TrendBucket(grid: storage.trend[cell], sum: 0)
            guard bucket.addSample(fraction: fraction) else {
                // The slice takes no more samples, and a window sharing its cells could not tell
                // that this one's was left out: from here each keeps its own.
                splitTrend()
                return
            }
            makeUnique()
            storage.trend[cell] = bucket.grid
            addValue(value, toWindow: w, place: count - 1)
            return
        }
        if count == 0 || Int64(slice) < next || Int64(slice) - Int64(storage.anchors[w]) >= Int64(TrendBucket.windowLimit) {
            dropPlaces(count, ofWindow: w)
            for v in group(ofWindow: w) { storage.anchors[v] = slice }
            count = 0
        }
        var bucket = TrendBucket()
        bucket.add(fraction: fraction, value: value)
        let gap = Int(slice - storage.anchors[w]) - count
        // A place takes a grid cell and a sum for each window of the group.
        let groupCells = group(ofWindow: w).reduce(1) { total, _ in total + 1 }
        let sliceOfEveryWindow = (0 ..< Int(counts.trendWindows)).reduce(0) { $0 + (leader(ofWindow: $1) == $1 ? 2 : 1) }
        reserveTrend(trendCount + groupCells * (gap + 1), growingBy: step * sliceOfEveryWindow)
        for v in group(ofWindow: w) {
            let sums = sumsStart(ofWindow: v) + count
            replaceTrendCells(sums ..< sums, with: (0 ... gap).lazy.map { $0 == gap && v == w ? bucket.sumValue.bitPattern : 0 })
            if leader(ofWindow: v) == v {
                let grid = start(ofWindow: v) + count
                replaceTrendCells(grid ..< grid, with: (0 ... gap).lazy.map { $0 == gap ? bucket.grid : 0 })
            }
            storage.windowCounts[v] += UInt8(gap + 1)
        }
    }

    /// Adds `value` to the sum of window `w`'s place `place`.
    private mutating func addValue(_ value: Double, toWindow w: Int, place: Int) {
        makeUnique()
        let sum = storage.trend + sumsStart(ofWindow: w) + place
        sum.pointee = (Float(bitPattern: sum.pointee) + Float(value)).bitPattern
    }

    /// Replaces the trend cells in `range` with `cells`; when they do not fit, the room grows to
    /// hold them and `step` more at most. The windows' counts are the caller's to mend.
    private mutating func replaceTrendCells(_ range: Range<Int>, with cells: some Collection<UInt32>, growingBy step: Int = 0) {
        let total = Int(counts.trend) - range.count + cells.count
        precondition(total <= Int(UInt16.max), "too many trend slices for a device")
        replace(range, in: .trend, held: Int(counts.trend), with: cells, growingBy: step)
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
