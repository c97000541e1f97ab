import FleetprintTestSupport
import Foundation
import Pipeline
import Store
import Testing
@testable import FleetprintRuntime

@Suite("The daemon against a real mosquitto")
struct DaemonTests {
    @Test("readings crossing a boiler rule give exactly one work order; a service report closes it and the ledger records the kit")
    func workOrderAndServiceReport() async throws {
        let daemon = try await InProcessDaemon.start()
        try daemon.publish(BoilerStream.fouling(device: "b-001"))
        let seen = daemon.seen
        try await eventually(10, "a work order") { !seen.workOrderIDs.isEmpty }
        try await eventually(10, "a summary that counts every message") { seen.latest("local")?.counters.messages == 72 }
        let order = try #require(daemon.summary?.openWorkOrders.first)
        #expect(order.rule == "flue-gas-fouling" && order.kit == "medium" && order.device == "b-001")
        #expect(daemon.seen.workOrderIDs == [order.id])

        let report = #"{"work_order":"\#(order.id)","time":"2026-01-01T08:00:00Z","action":"visit","kit":"medium"}"#
        try daemon.publish([("fleetprint/service/boiler/b-001", Array(report.utf8))])
        try await eventually(10, "the service report in the summary") { seen.latest("local")?.counters.workOrdersClosed == 1 }
        #expect(daemon.summary?.openWorkOrderCount == 0)
        try await daemon.stop()

        let saved = try PipelineStateCoding.state(from: try FleetStore(directory: daemon.state).load())
        let ledger = try #require(saved.ledger.devices.values.first { $0.device == "b-001" })
        #expect(ledger.kits == ["medium": 1])
        #expect(ledger.visits.values.reduce(0, +) == 1)
        #expect(daemon.seen.workOrderIDs.count == 1)
    }
}
