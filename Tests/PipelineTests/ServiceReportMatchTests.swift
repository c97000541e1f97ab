import FleetModel
import FleetprintTestSupport
import Foundation
import Testing
@testable import Pipeline

/// A service report moves the ledger only when it matches what the daemon knows.
@Suite("Service reports that must match")
struct ServiceReportMatchTests {
    /// Two fouled boilers, each with one open alarm order.
    private static func fleet() throws -> (FleetPipeline, [String: String]) {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        var orders: [String: String] = [:]
        for device in ["b-1", "b-2"] {
            for message in BoilerStream.fouling(device: device) {
                for order in pipeline.ingest(topic: message.topic, payload: message.payload).workOrders where order.rule == "flue-gas-fouling" {
                    orders[device] = order.id
                }
            }
        }
        return (pipeline, orders)
    }

    private static func report(_ device: String, _ json: String, into pipeline: inout FleetPipeline) -> PipelineOutput {
        pipeline.ingest(topic: "fleetprint/service/boiler/\(device)", payload: Array(json.utf8))
    }

    @Test("forged reports are dead-lettered with their reason and change neither orders nor ledger", arguments: [
        ("b-1", #"{"work_order":"ORDER-OF-b-2","time":"2026-01-01T06:00:00Z","action":"visit","kit":"medium"}"#, "unknown-work-order", "is not an order of boiler/b-1"),
        ("b-1", #"{"work_order":"boiler/b-1/999","time":"2026-01-01T06:00:00Z","action":"visit"}"#, "unknown-work-order", "is not an order of boiler/b-1"),
        ("b-404", #"{"work_order":"boiler/b-404/1","time":"2026-01-01T06:00:00Z","action":"visit"}"#, "unknown-work-order", "is not an order of boiler/b-404"),
        ("b-1", #"{"work_order":"ORDER-OF-b-1","time":"9999-12-31T00:00:00Z","action":"visit"}"#, "bad-service-report", "ahead of the fleet's event time"),
        ("b-1", #"{"work_order":"ORDER-OF-b-1","time":"2020-01-01T00:00:00Z","action":"replacement"}"#, "bad-service-report", "behind the fleet's event time"),
        ("b-1", #"{"time":"2026-01-01T06:00:00Z","action":"replacement"}"#, "bad-service-report", "or says \"unplanned\": true"),
        ("b-404", #"{"time":"2026-01-01T06:00:00Z","action":"visit","unplanned":true}"#, "bad-service-report", "no device boiler/b-404 has sent telemetry"),
    ])
    func forged(device: String, json: String, reason: String, detail: String) throws {
        var (pipeline, orders) = try Self.fleet()
        let before = pipeline.state
        let text = json.replacingOccurrences(of: "ORDER-OF-b-1", with: orders["b-1"]!).replacingOccurrences(of: "ORDER-OF-b-2", with: orders["b-2"]!)
        let output = Self.report(device, text, into: &pipeline)
        #expect(output.deadLetters.map(\.reason.rawValue) == [reason])
        #expect(output.deadLetters.first?.detail.contains(detail) == true, "\(output.deadLetters.first?.detail ?? "-")")
        #expect(pipeline.state.ledger == before.ledger)
        #expect(pipeline.state.openWorkOrders == before.openWorkOrders)
        #expect(pipeline.state.counters.serviceReports == 0)
    }

    @Test("the device's own open order, and unplanned work on a known device, are applied; the closures say what ended each order")
    func matching() throws {
        var (pipeline, orders) = try Self.fleet()
        let planned = Self.report("b-1", #"{"id":"R-17","work_order":"\#(orders["b-1"]!)","time":"2026-01-01T06:00:00Z","action":"visit","kit":"medium"}"#, into: &pipeline)
        #expect(planned.deadLetters.isEmpty && planned.closedOrders.map(\.id) == [orders["b-1"]!])
        #expect(planned.closedOrders.first?.status == .closed)
        #expect(planned.closedOrders.first?.closedBy == WorkOrderClosure(cause: .serviceReport, action: .visit, report: "R-17"))
        let unplanned = Self.report("b-2", #"{"time":"2026-01-01T06:10:00Z","action":"replacement","unplanned":true}"#, into: &pipeline)
        #expect(unplanned.deadLetters.isEmpty)
        #expect(unplanned.closedOrders.map(\.id) == [orders["b-2"]!], "a replacement ends every open order of the device")
        #expect(unplanned.closedOrders.first?.status == .cancelled)
        #expect(unplanned.closedOrders.first?.closedBy == WorkOrderClosure(cause: .serviceReport, action: .replacement))
        let small = Self.report("b-2", #"{"time":"2026-01-01T06:20:00Z","action":"visit","kit":"small","unplanned":true}"#, into: &pipeline)
        #expect(small.deadLetters.isEmpty)
        #expect(pipeline.state.counters.serviceReports == 3)
        #expect(pipeline.state.ledger.devices.values.first { $0.device == "b-2" }?.kits == ["small": 1])
    }
}
