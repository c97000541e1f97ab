import FleetModel
import Foundation
@testable import Maintenance
import Testing

@Suite("Open orders kept small")
struct OpenOrderTests {
    /// A boiler whose flue gas crossed the alarm level: one open technician order for the kit "medium".
    static func fouled() -> EngineHarness {
        var h = EngineHarness(rules: ["flue-gas-fouling"])
        for step in 0...30 { h.feed("flue_gas_temperature", 95, hours: Double(step) / 10) }
        return h
    }

    static func restored(_ state: DeviceState, by engine: MaintenanceEngine) throws -> DeviceState {
        var writer = BinaryWriter()
        engine.record(of: state, into: &writer)
        var reader = BinaryReader(writer.bytes)
        return try engine.state(fromRecord: &reader)
    }

    @Test("an open order takes 56 bytes, and its reason's text only when it is not a missing-data rule's; it rebuilds the order as it was issued")
    func small() throws {
        #expect(MemoryLayout<OpenOrder>.stride == 56)
        let h = Self.fouled()
        let open = try #require(h.state.openOrders.first)
        #expect(h.state.openOrders.count == 1)
        #expect(open.workOrder(of: h.state) == h.orders.first)
        #expect(h.orders.first?.id == "boiler/d1/1")
    }

    @Test("a restored order shares its rule's origin; one whose rule now asks for another kit keeps the kit it was issued with")
    func restoredOrigin() throws {
        let h = Self.fouled()
        let same = try Self.restored(h.state, by: h.engine)
        #expect(same == h.state)
        #expect(same.openOrders.first?.origin === h.state.openOrders.first?.origin)

        let changed = EngineHarness(rules: ["flue-gas-fouling"]) { $0.action.kit = "large" }
        let restored = try Self.restored(h.state, by: changed.engine)
        #expect(restored.openWorkOrders == h.orders)
        #expect(restored.openWorkOrders.first?.kit == "medium")

        let gone = EngineHarness(rules: ["flue-gas-fouling"]) { $0.id = "renamed" }
        #expect(try Self.restored(h.state, by: gone.engine).openWorkOrders == h.orders)
    }

    @Test("a missing-data order keeps the two numbers its reason is made from; they give the text, also after a restore")
    func silentReason() throws {
        var h = EngineHarness(rules: ["silent"])
        h.advance(hours: 7)
        #expect(h.orders.first?.reason == "silent: no flow_temperature for 6 h since commissioning")
        h.feed("flow_temperature", 60, hours: 8)
        h.advance(hours: 15)
        let open = try #require(h.state.openOrders.first)
        #expect(open.reason == .silent(window: 6 * 3600, lastSeen: OptionalNumber(EngineHarness.time(hours: 8))))
        #expect(open.workOrder(of: h.state).reason == "silent: no flow_temperature for 6 h (last at t=1704096000)")
        #expect(h.orders.last == open.workOrder(of: h.state))

        let restored = try Self.restored(h.state, by: h.engine)
        #expect(restored == h.state, "restored as the values again, not as text")
        // Under a rule that now waits longer, the values would say 12 h: the order keeps its saved text.
        let longer = EngineHarness(rules: ["silent"]) { $0.condition = .missingData(after: Quantity(12 * 3600, .second)) }
        let kept = try Self.restored(h.state, by: longer.engine)
        #expect(kept.openOrders.first?.reason == .text("silent: no flow_temperature for 6 h (last at t=1704096000)"))
        #expect(kept.openWorkOrders == h.state.openWorkOrders)
    }

    @Test("a service report naming the order by another spelling of its number closes nothing")
    func strictNumber() {
        var h = Self.fouled()
        let report = ServiceEvent(device: "d1", kind: "boiler", time: EngineHarness.time(hours: 4), action: .kitUsed, workOrder: "boiler/d1/01")
        #expect(h.engine.apply(report, state: &h.state).closedOrders.isEmpty)
        #expect(!h.state.hasOpenWorkOrder("boiler/d1/+1"))
        #expect(h.state.hasOpenWorkOrder("boiler/d1/1"))
    }
}
