import FleetModel
import Foundation
@testable import Maintenance
import PropertyBased
import Testing

/// A boiler's three trend windows (flue gas, ionisation current, water pressure) have one shape,
/// so a fresh device keeps their slices' counts and times once (`DeviceSlots`). Whatever its
/// messages carry, it must give what a device whose windows keep their own gives, message for
/// message: the same outputs and the same state, also after a checkpoint record and a restore.
@Suite("Trend windows sharing grid cells")
struct TrendSharingPropertyTests {
    static let metrics = ["flue_gas_temperature", "ionisation_current", "water_pressure"]

    /// One message: minutes after the one before (at times before it: its readings are stale; whole
    /// minutes, as a checkpoint record keeps an order's times to the millisecond), which
    /// of the three metrics it carries (7 and above: all), the values' base, and what service
    /// follows it (0: a replacement, which clears every window; 1: a medium kit, the flue gas
    /// window; 2: a small kit, the ionisation window; 3: a checkpoint record and a restore).
    typealias Step = (minutes: Int, carried: Int, value: Double, then: Int)

    func readings(_ h: EngineHarness, carried: Int, value: Double, hours: Double) -> [Reading] {
        let mask = carried >= 7 ? 7 : carried
        let values = [value, value / 10, value / 50]
        return [h.reading("flow_temperature", 50, hours: hours)]
            + Self.metrics.indices.filter { mask & 1 << $0 != 0 }.map { h.reading(Self.metrics[$0], values[$0], hours: hours) }
    }

    @Test("messages with all, some or none of the metrics, late ones, kits, replacements and restores: the same outputs and state as windows of their own")
    func sameAsWindowsOfTheirOwn() async {
        let steps = zip(Gen.int(in: -1_200 ... 2_400), Gen.int(in: 0 ... 30), Gen.double(in: 0 ... 200), Gen.int(in: 0 ... 40)).array(of: 1 ... 150)
        await propertyCheck(count: 100, input: steps) { steps in
            var shared = EngineHarness()
            var own = shared.state
            own.slots.splitTrend()
            #expect(shared.state.slots.sharesTrend && !own.slots.sharesTrend)
            var hours = 0.0
            for step in steps as [Step] {
                hours += Double(step.minutes) / 60
                let message = readings(shared, carried: step.carried, value: step.value, hours: hours)
                var (outShared, outOwn): ([MaintenanceOutput], [MaintenanceOutput]) = ([], [])
                shared.engine.process(message: message, state: &shared.state) { outShared.append($0) }
                shared.engine.process(message: message, state: &own) { outOwn.append($0) }
                #expect(outShared == outOwn)
                #expect(shared.state == own)
                let time = EngineHarness.time(hours: hours)
                switch step.then {
                case 0, 1, 2:
                    let action: ServiceAction = step.then == 0 ? .replacement : .kitUsed
                    let kit = [nil, "medium", "small"][step.then]
                    let report = ServiceEvent(device: "d1", kind: "boiler", time: time, action: action, kit: kit)
                    #expect(shared.engine.apply(report, state: &shared.state) == shared.engine.apply(report, state: &own))
                    #expect(shared.state == own)
                case 3:
                    var writer = BinaryWriter()
                    shared.engine.record(of: shared.state, into: &writer)
                    var reader = BinaryReader(writer.bytes)
                    do { shared.state = try shared.engine.state(fromRecord: &reader) } catch { Issue.record("\(error)") }
                    #expect(shared.state == own)
                default:
                    break
                }
            }
        }
    }

    @Test("messages that carry all three metrics keep the windows sharing, in two cells fewer a slice; one that carries two ends it")
    func sharingLastsWhileMessagesCarryTheGroup() {
        var h = EngineHarness()
        for day in 0 ..< 40 {
            h.engine.process(message: readings(h, carried: 7, value: 100 + Double(day), hours: Double(day) * 24), state: &h.state) { _ in }
        }
        #expect(h.state.slots.sharesTrend)
        #expect(h.state.slots.trendCount == 16 * (1 + 3), "16 slices: one grid cell and three sums each")
        let before = h.state
        h.engine.process(message: readings(h, carried: 3, value: 150, hours: 40 * 24), state: &h.state) { _ in }
        #expect(!h.state.slots.sharesTrend)
        #expect(h.state.slots.trendCount == 2 * 3 * 16, "each window has cells of its own")
        #expect(Array(h.state.slots.trendSlices(ofWindow: 2)) == Array(before.slots.trendSlices(ofWindow: 2)), "the pressure window took no sample")
        #expect(h.state.slots.trendSlices(ofWindow: 0).last?.sumValue != before.slots.trendSlices(ofWindow: 0).last?.sumValue)
    }

    @Test("a slice full of samples ends the sharing; each window keeps its count at the limit and the values it took")
    func aFullSliceEndsTheSharing() {
        var slots = DeviceSlots(metrics: 0, gaps: 0, levels: 0, trendWindows: 2, trendLeaders: [0, 0])
        for _ in 0 ... Int(TrendBucket.countLimit) {
            slots.addTrend(1, fraction: 0.5, slice: 7, toWindow: 0, growingBy: 1)
            slots.addTrend(2, fraction: 0.5, slice: 7, toWindow: 1, growingBy: 1, advancing: !slots.trendWindow(1, sharesWith: 0))
        }
        #expect(!slots.sharesTrend)
        let limit = Float(TrendBucket.countLimit)
        #expect(slots.trendSlices(ofWindow: 0).map(\.count) == [TrendBucket.countLimit] && slots.trendSlices(ofWindow: 0).map(\.sumValue) == [limit])
        #expect(slots.trendSlices(ofWindow: 1).map(\.count) == [TrendBucket.countLimit] && slots.trendSlices(ofWindow: 1).map(\.sumValue) == [2 * limit])
    }
}
