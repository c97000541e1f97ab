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

    @Test("an open order takes 56 bytes and its reason, and rebuilds the order as it was issued")
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

    @Test("a service report naming the order by another spelling of its number closes nothing")
    func strictNumber() {
        var h = Self.fouled()
        let report = ServiceEvent(device: "d1", kind: "boiler", time: EngineHarness.time(hours: 4), action: .kitUsed, workOrder: "boiler/d1/01")
        #expect(h.engine.apply(report, state: &h.state).closedOrders.isEmpty)
        #expect(!h.state.hasOpenWorkOrder("boiler/d1/+1"))
        #expect(h.state.hasOpenWorkOrder("boiler/d1/1"))
    }
}
