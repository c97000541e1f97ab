import FleetModel
import Foundation
@testable import Maintenance
import Testing

@Suite struct DeviceSlotsTests {
    static let repeats = [RepeatMemory(times: [Date(timeIntervalSince1970: 1)]), RepeatMemory()]
    static let rates = [[ExtremaBucket(start: 0, low: 1, high: 2)]]

    static func slots(metrics: Int) -> DeviceSlots {
        var slots = DeviceSlots(metrics: metrics, gaps: 1, levels: 3, repeats: 2, rates: 1, trendWindows: 3)
        slots.repeats[0] = repeats[0]
        slots.replaceExtrema(0 ..< 0, ofRule: 0, with: rates[0])
        return slots
    }

    @Test func aCopyKeptAsideStaysWhatItWas() {
        var slots = Self.slots(metrics: 4)
        let before = slots
        slots.metrics[2].lastValue = 7
        slots.gaps[0].last = 60
        slots.levels[1] = .alert
        slots.repeats[0].times.append(Date(timeIntervalSince1970: 2))
        slots.replaceExtrema(0 ..< 1, ofRule: 0, with: EmptyCollection())
        slots.addTrend(1, fraction: 0, slice: 9, toWindow: 1, growingBy: 0)
        #expect(before.metrics[2].lastValue == nil && before.gaps[0].last == nil && before.levels.allSatisfy { $0 == nil })
        #expect(Array(before.repeats) == Self.repeats && before.rateWindows == Self.rates && before.trendCount == 0)
        #expect(slots.metrics[2].lastValue == 7 && slots.gaps[0].last == 60 && Array(slots.levels) == [nil, .alert, nil])
        #expect(slots.repeats[0].times.count == 2 && slots.repeats[1] == Self.repeats[1] && slots.extrema(ofRule: 0).isEmpty)
        #expect(slots.trendSlices(ofWindow: 1).map(\.slice) == [9] && slots.trendRoom == 2, "a slice of a window alone is two cells")
        #expect(slots != before)
    }

    /// Each part keeps its own bytes: changing one leaves its neighbours as they were, also when
    /// the trend slices grow and the storage is copied into a larger one.
    @Test func partsDoNotOverlap() {
        var slots = DeviceSlots(metrics: 3, gaps: 2, levels: 5, pairs: 2, repeats: 1, rates: 1, trendWindows: 2)
        for m in 0 ..< 3 { slots.metrics[m].lastSeen = Date(timeIntervalSince1970: Double(m + 1)) }
        for g in 0 ..< 2 { slots.gaps[g].usual = Double(g + 10) }
        for r in 0 ..< 5 { slots.levels[r] = r.isMultiple(of: 2) ? .alarm : nil }
        slots.pairs[1].first = OptionalNumber(5.0)
        slots.repeats[0].last = OptionalNumber(6.0)
        slots.replaceExtrema(0 ..< 0, ofRule: 0, with: [ExtremaBucket(start: 7, low: 8, high: 9)])
        for slice in 0 ..< 20 { slots.addTrend(Double(slice), fraction: 0, slice: UInt32(slice), toWindow: slice % 2, growingBy: 3) }
        #expect(slots.metrics.map(\.lastSeen) == [1, 2, 3].map { Date(timeIntervalSince1970: $0) })
        #expect(slots.gaps.map(\.usual) == [10, 11])
        #expect(Array(slots.levels) == [.alarm, nil, .alarm, nil, .alarm])
        #expect(Array(slots.pairs) == [PairedMemory(), PairedMemory(first: OptionalNumber(5.0))])
        #expect(Array(slots.repeats) == [RepeatMemory(last: OptionalNumber(6.0))] && slots.rateWindows == [[ExtremaBucket(start: 7, low: 8, high: 9)]])
        #expect(slots.trendSlices(ofWindow: 0).map(\.slice) == stride(from: 0, to: 20, by: 2).map(UInt32.init))
        #expect(slots.trendSlices(ofWindow: 1).map(\.sumValue) == stride(from: 1, to: 20, by: 2).map(Float.init))
    }

    /// A restore fills a device one window at a time: each lands between the others, and the room
    /// is exactly what is held (no spare slices in a restored fleet). Dropping a window's oldest
    /// slices keeps the others' numbers, and a window with gaps holds a place for each slice between.
    @Test func windowsReplacedOneByOneKeepTheirSlicesAndExactRoom() {
        var slots = Self.slots(metrics: 3)
        func window(_ slices: ClosedRange<UInt32>) -> [TrendSlice] { slices.map { TrendSlice(slice: $0, bucket: TrendBucket(count: 1, sumValue: Float($0))) } }
        slots.replaceTrend(ofWindow: 0, with: window(1 ... 3))
        slots.replaceTrend(ofWindow: 2, with: window(5 ... 6))
        slots.replaceTrend(ofWindow: 1, with: window(7 ... 10))
        #expect(slots.trendCount == 2 * 9 && slots.trendRoom == 2 * 9)
        slots.replaceTrend(ofWindow: 1, with: window(11 ... 11))
        slots.dropTrend(before: 2, ofWindow: 0)
        #expect((0 ..< 3).map { slots.trendSlices(ofWindow: $0).map(\.slice) } == [[2, 3], [11], [5, 6]] && slots.trendRoom == 2 * 9)
        #expect(Array(slots.trendSlices(ofWindow: 0)) == window(2 ... 3))
        slots.replaceTrend(ofWindow: 2, with: window(300 ... 301) + window(1 ... 1) + window(600 ... 600))
        #expect(slots.trendSlices(ofWindow: 2).map(\.slice) == [300, 301], "a slice before the first or beyond a window's reach is left out")
        #expect(slots.metrics.count == 3 && Array(slots.repeats) == Self.repeats && slots.rateWindows == Self.rates)
        slots.replaceTrend(ofWindow: 1, with: window(20 ... 20) + window(24 ... 24) + window(22 ... 22))
        #expect(slots.trendSlices(ofWindow: 1).map(\.slice) == [20, 24] && slots.trendCount == 2 * (2 + 5 + 2), "a slice not after the one before it is left out")
        slots.dropTrend(before: 21, ofWindow: 1)
        #expect(slots.trendSlices(ofWindow: 1).map(\.slice) == [24] && slots.trendCount == 2 * (2 + 1 + 2), "the empty places after a dropped slice go with it")
    }

    static func order(_ number: UInt32, reason: String) -> OpenOrder {
        OpenOrder(origin: OrderOrigin(rule: "r\(number)", component: "c\(number)", kit: nil, resolution: .remote, note: nil), number: number,
                  priority: .alert, reason: .text(reason), issuedAt: Date(timeIntervalSince1970: Double(number)), due: nil)
    }

    /// Open orders and closed orders' numbers live with the other parts: adding and taking out
    /// orders, and remembering more numbers than the limit, leave the other parts as they were and
    /// a copy kept aside as it was, also when the trend slices grow after them.
    @Test func ordersAndClosedNumbersKeepTheirPlaces() {
        var slots = Self.slots(metrics: 2)
        slots.addTrend(4, fraction: 0.5, slice: 3, toWindow: 0, growingBy: 3)
        slots.appendOrder(Self.order(1, reason: "first " + String(repeating: "x", count: 40)))
        slots.appendOrder(Self.order(2, reason: "second"))
        let before = slots
        slots.appendOrder(Self.order(3, reason: "third"))
        for number in 1 ... 10 { slots.rememberClosed(UInt32(number), limit: 4) }
        #expect(slots.removeOrder(at: 0) == Self.order(1, reason: "first " + String(repeating: "x", count: 40)))
        slots.orders[1].escalate(reason: .text("worse"), at: Date(timeIntervalSince1970: 9), dueBy: Date(timeIntervalSince1970: 10))
        for slice in UInt32(4) ... 8 { slots.addTrend(Double(slice), fraction: 0, slice: slice, toWindow: 0, growingBy: 3) }
        #expect(slots.orders.map(\.number) == [2, 3] && slots.orders[1].priority == .alarm && slots.orders[0] == Self.order(2, reason: "second"))
        #expect(Array(slots.closed) == [7, 8, 9, 10])
        #expect(before.orders.map(\.number) == [1, 2] && before.orders[1].priority == .alert && before.closed.isEmpty)
        #expect(slots.trendSlices(ofWindow: 0).map(\.slice) == Array(3 ... 8) && Array(slots.repeats) == Self.repeats && slots.rateWindows == Self.rates)
        #expect(before.trendSlices(ofWindow: 0).map(\.slice) == [3] && slots != before)
        #expect(slots.removeOrder(at: 1).number == 3 && slots.removeOrder(at: 0).number == 2 && slots.orders.isEmpty)
    }

    /// A restore sets a fresh device's closed numbers, orders and windows at once: the same parts
    /// as setting them one by one, in exactly the room they need.
    @Test func aRestoreFillsAFreshDeviceAtOnce() {
        func window(_ slices: ClosedRange<UInt32>) -> [TrendSlice] { slices.map { TrendSlice(slice: $0, bucket: TrendBucket(count: 1, sumValue: Float($0))) } }
        let orders = [Self.order(4, reason: "four"), Self.order(6, reason: "six")]
        var oneByOne = Self.slots(metrics: 2)
        for number: UInt32 in [0, 1, 2, 3] { oneByOne.rememberClosed(number, limit: 3) }
        orders.forEach { oneByOne.appendOrder($0) }
        oneByOne.replaceTrend(ofWindow: 0, with: window(5 ... 7))
        oneByOne.replaceTrend(ofWindow: 2, with: window(9 ... 9) + window(12 ... 12))
        var atOnce = Self.slots(metrics: 2)
        atOnce.restore(closed: [0, 1, 2, 3], limit: 3, orders: orders, trend: [0: window(5 ... 7), 2: window(9 ... 9) + window(12 ... 12)])
        #expect(atOnce == oneByOne && atOnce.trendRoom == 2 * (3 + 4) && atOnce.trendCount == 2 * 7)
        #expect((0 ..< 3).map { atOnce.trendSlices(ofWindow: $0).map(\.slice) } == [[5, 6, 7], [], [9, 12]])
        #expect(atOnce.orders.map(\.number) == [4, 6] && Array(atOnce.closed) == [1, 2, 3] && Array(atOnce.repeats) == Self.repeats)
    }
}
