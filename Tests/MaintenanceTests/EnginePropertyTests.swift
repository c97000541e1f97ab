import FleetModel
import Foundation
@testable import Maintenance
import PropertyBased
import Testing

@Suite("Engine properties")
struct EnginePropertyTests {
    /// Half-hourly flue-gas and pressure readings for two days from the values given.
    static func stream(_ harness: EngineHarness, _ values: [Double]) -> [Reading] {
        values.enumerated().flatMap { step, value in
            [harness.reading("flue_gas_temperature", value, hours: Double(step) / 2),
             harness.reading("water_pressure", 0.6 + value / 100, hours: Double(step) / 2)]
        }
    }

    @Test("a stream that never crosses an alert level never fires")
    func belowAlertNeverFires() async {
        await propertyCheck(count: 100, input: Gen.double(in: 0...75).array(of: 1...96)) { values in
            var h = EngineHarness(rules: ["flue-gas-fouling"])
            for (step, value) in values.enumerated() { h.feed("flue_gas_temperature", value, hours: Double(step) / 4) }
            #expect(h.orders.isEmpty)
            #expect(h.engine.health(of: h.state).allSatisfy { $0.health > 0 })
        }
    }

    @Test("shuffled duplicates of processed readings change nothing")
    func shuffledDuplicates() async {
        await propertyCheck(count: 100, input: Gen.double(in: 40...120).array(of: 1...96), Gen.int(in: 0...Int(UInt32.max))) { values, seed in
            var h = EngineHarness()
            for reading in Self.stream(h, values) { _ = h.engine.process(reading, state: &h.state) }
            let before = h.state
            var generator = SplitMix(seed: UInt64(seed))
            for reading in Self.stream(h, values).shuffled(using: &generator) {
                let output = h.engine.process(reading, state: &h.state)
                #expect(output.isEmpty)
                #expect(output.disposition != .accepted)
            }
            #expect(h.state.openOrders == before.openOrders)
            #expect(h.state.levels == before.levels && h.state.slots.pairs == before.slots.pairs && h.state.slots.repeats == before.slots.repeats
                && h.state.slots.rateWindows == before.slots.rateWindows)
        }
    }

    @Test("a state saved as a checkpoint record and restored continues exactly like the original")
    func persistence() async throws {
        await propertyCheck(count: 50, input: Gen.double(in: 40...120).array(of: 2...96), Gen.int(in: 1...95)) { values, cut in
            var h = EngineHarness()
            let readings = Self.stream(h, values)
            let split = min(cut, readings.count - 1)
            for reading in readings[..<split] { _ = h.engine.process(reading, state: &h.state) }
            do {
                var writer = BinaryWriter()
                h.engine.record(of: h.state, into: &writer)
                var reader = BinaryReader(writer.bytes)
                var restored = try h.engine.state(fromRecord: &reader)
                #expect(reader.isAtEnd)
                #expect(restored == h.state)
                for reading in readings[split...] {
                    #expect(h.engine.process(reading, state: &restored) == h.engine.process(reading, state: &h.state))
                }
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
