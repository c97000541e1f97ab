import Foundation
@testable import Maintenance
import PropertyBased
import Testing

/// A rate rule's extremes live in the device's one allocation, next to another rule's: whatever
/// the samples, they hold what a plain array of buckets does (the form they had), and the
/// extremes read from them are the same.
@Suite("Rate windows in the device")
struct ExtremaWindowPropertyTests {
    /// The array form: buckets in time order; those that left the window dropped before a sample
    /// lands; a sample in the newest bucket's slice widens it, any other adds one.
    static func reference(_ buckets: inout [ExtremaBucket], _ window: ExtremaWindow, _ value: Double, at time: Double) {
        let start = (time / window.sliceLength).rounded(.down) * window.sliceLength
        buckets.removeAll { $0.start + window.sliceLength <= time - window.window }
        if let last = buckets.last, last.start == start {
            buckets[buckets.count - 1] = ExtremaBucket(start: start, low: min(last.low, value), high: max(last.high, value))
        } else {
            buckets.append(ExtremaBucket(start: start, low: value, high: value))
        }
    }

    @Test("samples at any pace give the buckets and extremes of the array form, for each of two rules")
    func sameAsArrays() async {
        let steps = zip(Gen.double(in: 0 ... 7_200), Gen.double(in: -50 ... 50), Gen.bool).array(of: 1 ... 120)
        await propertyCheck(count: 100, input: steps) { steps in
            let window = ExtremaWindow(window: 24 * 3600, slices: 16)
            var slots = DeviceSlots(metrics: 2, gaps: 0, levels: 3, rates: 2, trendWindows: 1)
            slots.addTrend(1, fraction: 0, slice: 5, toWindow: 0, growingBy: 1)
            var arrays: [[ExtremaBucket]] = [[], []]
            var (time, mostHeld) = (1_767_225_600.0, 0)
            for (gap, value, second) in steps {
                time += gap
                let rule = second ? 1 : 0
                let extremes = window.extremes(of: slots.extrema(ofRule: rule), at: time)
                #expect(extremes.map { [$0.low, $0.high] } == window.extremes(of: arrays[rule], at: time).map { [$0.low, $0.high] })
                let (aside, before) = (slots, arrays)
                window.add(value, at: time, rule: rule, to: &slots)
                Self.reference(&arrays[rule], window, value, at: time)
                #expect(slots.rateWindows == arrays)
                #expect(aside.rateWindows == before, "a copy kept aside stays what it was")
                mostHeld = max(mostHeld, arrays[0].count + arrays[1].count)
            }
            #expect(slots.extremaRoom == mostHeld, "room grows to exactly the most held")
            #expect(mostHeld <= 2 * 17, "a window overlaps at most one slice more than it has")
            #expect(slots.trendSlices(ofWindow: 0).map(\.slice) == [5], "the trend slices stay as they were")
        }
    }
}
