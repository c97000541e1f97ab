import FleetModel
import FleetprintTestSupport
import Foundation
import Pipeline
import Testing

/// What the daemon publishes for a real stream (work orders, dead letters) and what technicians
/// send (service reports), checked against the JSON Schemas in docs/schemas/.
@Suite("JSON contracts")
struct ContractTests {
    @Test("a work order from a fouling boiler validates against work-order.schema.json")
    func workOrder() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let orders = BoilerStream.fouling(device: "b-001").flatMap { pipeline.ingest(topic: $0.topic, payload: $0.payload).workOrders }
        let order = try #require(orders.first)
        let json = try ContractJSON.encoded(order)
        #expect(String(decoding: json, as: UTF8.self).contains(#""schema":"fleetprint.work-order/2""#))
        #expect(try SchemaCheck.validate(json, schema: SchemaCheck.schema("work-order")).isEmpty)
    }

    @Test("each status change of an order validates; a closed order without its closure does not")
    func workOrderLifecycle() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let order = try #require(BoilerStream.fouling(device: "b-001").flatMap { pipeline.ingest(topic: $0.topic, payload: $0.payload).workOrders }.first)
        let later = order.issuedAt.addingTimeInterval(3600)
        let changes = [order.with(status: .escalated, at: later),
                       order.with(status: .closed, at: later, closedBy: WorkOrderClosure(cause: .serviceReport, action: .visit, report: "R-1")),
                       order.with(status: .cancelled, at: later, closedBy: WorkOrderClosure(cause: .serviceReport, action: .replacement, workOrder: "boiler/b-001/2")),
                       order.with(status: .closed, at: later, closedBy: WorkOrderClosure(cause: .faultCleared, action: .remoteFix))]
        for change in changes {
            let problems = try SchemaCheck.validate(try ContractJSON.encoded(change), schema: SchemaCheck.schema("work-order"))
            #expect(problems.isEmpty, "\(change.status): \(problems)")
        }
        let unexplained = try SchemaCheck.validate(try ContractJSON.encoded(order.with(status: .closed, at: later)), schema: SchemaCheck.schema("work-order"))
        #expect(!unexplained.isEmpty)
    }

    @Test("a fouled boiler's detail names its open order, readings, rule states and health, and validates against device.schema.json")
    func deviceDetail() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let orders = BoilerStream.fouling(device: "b-001").flatMap { pipeline.ingest(topic: $0.topic, payload: $0.payload).workOrders }
        let detail = try #require(pipeline.detail(of: DeviceIdentity(kind: "boiler", id: "b-001").key))
        #expect(detail.openWorkOrders.map(\.id) == orders.map(\.id) && !orders.isEmpty)
        #expect(detail.rules["flue-gas-fouling"] == "alarm" && detail.rules["burner-hours"] == "armed")
        #expect(detail.readings.contains { $0.metric == "flue_gas_temperature" && $0.value == 90 && $0.unit == "degC" })
        #expect(detail.health.contains { $0.worstRule == "flue-gas-fouling" && $0.health <= 0 })
        #expect(pipeline.detail(of: DeviceIdentity(kind: "speedgate", id: "b-001").key) == nil)
        let problems = try SchemaCheck.validate(try ContractJSON.encoded(detail), schema: SchemaCheck.schema("device"))
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("every class of dead letter validates against dead-letter.schema.json")
    func deadLetters() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let stream = BadInputs.interleaved(device: "b-002")
        let letters = stream.messages.flatMap { pipeline.ingest(topic: $0.topic, payload: $0.payload).deadLetters }
        #expect(letters.count == stream.reasons.count)
        let binary = DeadLetter(reason: .decode(.malformed), topic: "devices/boiler/b-1/telemetry", detail: "not JSON", field: nil,
                                payload: [0xff, 0xfe] + [UInt8](repeating: 0x41, count: 2_000))
        for letter in letters + [binary] {
            let problems = try SchemaCheck.validate(try ContractJSON.encoded(letter), schema: SchemaCheck.schema("dead-letter"))
            #expect(problems.isEmpty, "\(letter.reason): \(problems)")
        }
    }

    @Test("a service report as Fleetprint writes it validates; one naming another schema version is refused")
    func serviceReport() throws {
        let report = ServiceReport(workOrder: "boiler/b-001/1", time: BoilerStream.start, action: .visit, kit: "medium")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try SchemaCheck.validate(try encoder.encode(report), schema: SchemaCheck.schema("service-report")).isEmpty)
        let unplanned = ServiceReport(workOrder: nil, time: BoilerStream.start, action: .customerFix, kit: nil, unplanned: true)
        #expect(try SchemaCheck.validate(try encoder.encode(unplanned), schema: SchemaCheck.schema("service-report")).isEmpty)
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        _ = BoilerStream.samples(device: "b-001", from: BoilerStream.start, hours: 1, flue: 60).map { pipeline.ingest(topic: $0.topic, payload: $0.payload) }
        let future = Array(#"{"schema":"fleetprint.service-report/9","time":"2026-01-01T00:30:00Z","action":"customer-fix","unplanned":true}"#.utf8)
        let output = pipeline.ingest(topic: "fleetprint/service/boiler/b-001", payload: future)
        #expect(output.deadLetters.map(\.reason.rawValue) == ["bad-service-report"])
        #expect(output.deadLetters.first?.detail.contains("fleetprint.service-report/1") == true)
    }
}
