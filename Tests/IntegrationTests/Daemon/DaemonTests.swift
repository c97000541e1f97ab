import FleetModel
import Impact
import FleetprintTestSupport
import Foundation
import Pipeline
import MQTT
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
        try await eventually(10, "a work order") { !seen.workOrderMarks.isEmpty }
        try await eventually(10, "a summary that counts every message") { seen.latest("local")?.counters.messages == 72 }
        let order = try #require(daemon.summary?.openWorkOrders.first)
        #expect(order.rule == "flue-gas-fouling" && order.kit == "medium" && order.device == "b-001")
        #expect(daemon.seen.workOrderMarks == [order.id])

        let report = #"{"work_order":"\#(order.id)","time":"2026-01-01T08:00:00Z","action":"visit","kit":"medium"}"#
        try daemon.publish([("fleetprint/service/boiler/b-001", Array(report.utf8))])
        try await eventually(10, "the service report in the summary") { seen.latest("local")?.counters.workOrdersClosed == 1 }
        #expect(daemon.summary?.openWorkOrderCount == 0)
        try await eventually(10, "the device's detail names the closed order") { seen.detail("boiler/b-001")?.closedWorkOrders == [order.id] }
        #expect(seen.detail("boiler/b-001")?.kits == ["medium": 1])
        let late = try await TestClients.connected(daemon.broker.url)
        try await late.subscribe([TopicSubscription(OutputTopics.deviceDetail(instance: "local", kind: "boiler", device: "b-001"), qos: .atLeastOnce)])
        let retained = try await withDeadline(5, "the retained detail") { await TestClients.collect(1, from: late) }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        #expect(try retained.first.map { try decoder.decode(DeviceDetail.self, from: Data($0.payload)).closedWorkOrders } == [order.id])
        late.close()
        try await daemon.stop()

        let saved = try PipelineStateCoding.state(from: try FleetStore(directory: daemon.state), library: ShippedProfiles.library).state
        let ledger = try #require(saved.ledger.devices.values.first { $0.device == "b-001" })
        #expect(ledger.kits == ["medium": 1])
        #expect(ledger.visits.values.reduce(0, +) == 1)
        #expect(daemon.seen.workOrderMarks == [order.id, order.id + "#closed"])
    }

    @Test("an order's status changes arrive on its topic in order: issued, escalated, closed by the report that names it")
    func lifecycle() async throws {
        let daemon = try await InProcessDaemon.start()
        let (topic, start) = (BoilerStream.topic("b-007"), BoilerStream.start)
        try daemon.publish([(topic, BoilerStream.payload(at: start, hours: 100)),
                            (topic, BoilerStream.payload(at: start.addingTimeInterval(3600), hours: 5_700)),
                            (topic, BoilerStream.payload(at: start.addingTimeInterval(7200), hours: 6_700))])
        let seen = daemon.seen
        let id = "boiler/b-007/1"
        try await eventually(10, "the order issued and escalated") { seen.statuses(of: id) == [.issued, .escalated] }
        let report = #"{"id":"R-1","work_order":"\#(id)","time":"2026-01-01T03:00:00Z","action":"visit","kit":"medium"}"#
        try daemon.publish([("fleetprint/service/boiler/b-007", Array(report.utf8))])
        try await eventually(10, "the order closed") { seen.statuses(of: id) == [.issued, .escalated, .closed] }
        let closed = try #require(seen.orders(of: id).last)
        #expect(closed.closedBy == WorkOrderClosure(cause: .serviceReport, action: .visit, report: "R-1"))
        #expect(closed.statusAt == start.addingTimeInterval(3 * 3600) && closed.issuedAt == start.addingTimeInterval(3600))
        try await daemon.stop()
    }

    @Test("forged service reports (another device's order, a date in 9999, an unknown order) are dead-lettered and leave orders and ledger as they were")
    func forgedServiceReports() async throws {
        let daemon = try await InProcessDaemon.start()
        try daemon.publish(BoilerStream.fouling(device: "b-001") + BoilerStream.fouling(device: "b-002"))
        let seen = daemon.seen
        try await eventually(10, "both orders") { seen.latest("local")?.counters.workOrdersIssued == 2 && seen.latest("local")?.counters.messages == 144 }
        let orders = try #require(daemon.summary?.openWorkOrders)
        let other = try #require(orders.first { $0.device == "b-002" })
        let own = try #require(orders.first { $0.device == "b-001" })
        let forged = [
            #"{"work_order":"\#(other.id)","time":"2026-01-01T06:00:00Z","action":"visit","kit":"medium"}"#,
            #"{"work_order":"\#(own.id)","time":"9999-12-31T00:00:00Z","action":"replacement"}"#,
            #"{"work_order":"boiler/b-001/made-up","time":"2026-01-01T06:00:00Z","action":"visit","kit":"medium"}"#,
        ]
        try daemon.publish(forged.map { ("fleetprint/service/boiler/b-001", Array($0.utf8)) })
        try await eventually(10, "three dead letters") {
            seen.latest("local")?.counters.deadLetters == ["unknown-work-order": 2, "bad-service-report": 1]
        }
        let summary = try #require(daemon.summary)
        #expect(summary.counters.serviceReports == 0 && summary.counters.workOrdersClosed == 0)
        #expect(summary.openWorkOrderCount == 2)
        try await daemon.stop()
        let saved = try PipelineStateCoding.state(from: try FleetStore(directory: daemon.state), library: ShippedProfiles.library).state
        #expect(saved.ledger.devices.values.allSatisfy { $0.kits.isEmpty && $0.visits.isEmpty })
    }
}
