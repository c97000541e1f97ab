import FleetModel
import FleetprintTestSupport
import Foundation
import Testing
@testable import FleetprintRuntime

@Suite("The daemon's pipeline on the shipped boiler profile")
struct FleetPipelineTests {
    private static func run(_ messages: [(topic: String, payload: [UInt8])], on pipeline: inout FleetPipeline) -> PipelineOutput {
        var output = PipelineOutput()
        for message in messages { output.merge(pipeline.ingest(topic: message.topic, payload: message.payload)) }
        return output
    }

    @Test("readings that cross the flue-gas rule give exactly one work order, with the rule and kit")
    func oneWorkOrder() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let output = Self.run(BoilerStream.fouling(device: "b-001"), on: &pipeline)
        let fouling = output.workOrders.filter { $0.rule == "flue-gas-fouling" }
        #expect(fouling.count == 1)
        #expect(fouling.first?.kit == "medium")
        #expect(fouling.first?.device == "b-001")
        #expect(output.deadLetters.isEmpty)
        #expect(pipeline.state.openWorkOrders.contains { $0.rule == "flue-gas-fouling" })
    }

    @Test("a service report closes the order and the ledger records the visit and the kit")
    func serviceReportCloses() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let issued = Self.run(BoilerStream.fouling(device: "b-001"), on: &pipeline).workOrders
        let order = try #require(issued.first { $0.rule == "flue-gas-fouling" })
        let report = #"{"work_order":"\#(order.id)","time":"2026-01-01T08:00:00Z","action":"visit","kit":"medium"}"#
        let output = pipeline.ingest(topic: "fleetprint/service/boiler/b-001", payload: Array(report.utf8))
        #expect(output.closedOrders.map(\.id).contains(order.id))
        #expect(!pipeline.state.openWorkOrders.contains { $0.id == order.id })
        let ledger = try #require(pipeline.state.ledger.devices.values.first { $0.device == "b-001" })
        #expect(ledger.kits == ["medium": 1])
        #expect(ledger.visits.values.reduce(0, +) == 1)

        let again = pipeline.ingest(topic: "fleetprint/service/boiler/b-001", payload: Array(report.utf8))
        #expect(again.deadLetters.map(\.reason) == ["duplicate"])
        #expect(pipeline.state.ledger.devices.values.first { $0.device == "b-001" }?.kits == ["medium": 1])
    }

    @Test("every class of bad input is dead-lettered with its reason, and the good messages around it still count")
    func badInputs() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let t0 = BoilerStream.start
        let good = { (offset: Double) in (BoilerStream.topic("b-002"), BoilerStream.payload(at: t0.addingTimeInterval(offset))) }
        let bad: [(String, [UInt8], String)] = [
            (BoilerStream.topic("b-002"), Array(#"{"ts":1767225600000,"t_flue":"#.utf8), "truncated"),
            (BoilerStream.topic("b-002"), Array(#"{"ts":1767225600000,,}"#.utf8), "malformed"),
            (BoilerStream.topic("b-002"), Array(#"{"ts":1767226000000,"t_flue":"hot"}"#.utf8), "wrong-type"),
            (BoilerStream.topic("b-002"), Array(#"{"ts":1767226000000,"t_flue":NaN}"#.utf8), "not-finite"),
            (BoilerStream.topic("b-002"), Array(#"{"ts":1767226000000,"p_water":99}"#.utf8), "out-of-range"),
            (BoilerStream.topic("b-002"), Array(#"{"ts":1967226000000,"p_water":1.2}"#.utf8), "too-new"),
            (BoilerStream.topic("b-002"), Array(#"{"ts":1000000000000,"p_water":1.2}"#.utf8), "too-old"),
            (BoilerStream.topic("b-002"), Array(#"{"t_flue":700}"#.utf8), "missing-timestamp"),
            ("devices/toaster/t-1/telemetry", Array(#"{"ts":1767226000000}"#.utf8), "unknown-topic"),
            (BoilerStream.topic("b-002"), Array(repeating: UInt8(ascii: " "), count: 100_000), "too-large"),
            (BoilerStream.topic("b-002"), BoilerStream.payload(at: t0.addingTimeInterval(300)), "stale"),
            // The good message just before it, delivered a second time.
            (BoilerStream.topic("b-002"), BoilerStream.payload(at: t0.addingTimeInterval(600 + 10 * 300)), "duplicate"),
            ("fleetprint/service/boiler/b-002", Array(#"{"action":"teleport"}"#.utf8), "bad-service-report"),
        ]
        var reasons: [String] = []
        var expected: [String] = []
        reasons += Self.run([good(0), good(300)], on: &pipeline).deadLetters.map(\.reason)
        for (index, (topic, payload, reason)) in bad.enumerated() {
            reasons += pipeline.ingest(topic: topic, payload: payload).deadLetters.map(\.reason)
            reasons += Self.run([good(600 + Double(index) * 300)], on: &pipeline).deadLetters.map(\.reason)
            expected.append(reason)
        }
        #expect(reasons == expected)
        #expect(pipeline.state.counters.deadLettersTotal == bad.count)
        #expect(pipeline.state.counters.messages == bad.count * 2 + 2)
        #expect(pipeline.state.ledger.devices.values.first { $0.device == "b-002" }?.bytesReceived
                == Double((0..<(bad.count + 2)).map { _ in BoilerStream.payload(at: t0).count }.reduce(0, +)))
    }

    @Test("state saved mid-stream and restored gives the same result as an uninterrupted run")
    func resumeEqualsUninterrupted() throws {
        let library = try BoilerStream.library()
        let stream = BoilerStream.fouling(device: "b-003") + BoilerStream.fouling(device: "b-004")
            .map { ($0.topic, $0.payload) }
        var uninterrupted = FleetPipeline(library: library)
        let all = Self.run(stream, on: &uninterrupted)

        var first = FleetPipeline(library: library)
        let half = stream.count / 2
        let before = Self.run(Array(stream[..<half]), on: &first)
        let saved = try JSONEncoder().encode(first.state)
        var resumed = FleetPipeline(library: library, state: try JSONDecoder().decode(PipelineState.self, from: saved))
        let after = Self.run(Array(stream[half...]), on: &resumed)

        #expect(resumed.state == uninterrupted.state)
        #expect(before.workOrders + after.workOrders == all.workOrders)
    }
}

@Suite("Flood control")
struct FloodTests {
    @Test("a device sending far more than its sample period allows is dead-lettered as a flood; others are not affected")
    func flood() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let t0 = BoilerStream.start
        // The boiler samples every 5 minutes: 12 an hour; the guard allows ten times that.
        var reasons: [String: Int] = [:]
        for second in 0..<200 {
            let output = pipeline.ingest(topic: BoilerStream.topic("chatty"), payload: BoilerStream.payload(at: t0.addingTimeInterval(Double(second))))
            for letter in output.deadLetters { reasons[letter.reason, default: 0] += 1 }
        }
        #expect(reasons == ["flood": 80])
        let calm = pipeline.ingest(topic: BoilerStream.topic("calm"), payload: BoilerStream.payload(at: t0.addingTimeInterval(100)))
        #expect(calm.deadLetters.isEmpty)
        let nextHour = pipeline.ingest(topic: BoilerStream.topic("chatty"), payload: BoilerStream.payload(at: t0.addingTimeInterval(3600)))
        #expect(nextHour.deadLetters.isEmpty)
    }
}
