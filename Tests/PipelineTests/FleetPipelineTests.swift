import FleetModel
import FleetprintTestSupport
import Foundation
import Testing
@testable import Pipeline

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
        let report = #"{"work_order":"\#(order.id)","time":"2026-01-01T06:00:00Z","action":"visit","kit":"medium"}"#
        let output = pipeline.ingest(topic: "fleetprint/service/boiler/b-001", payload: Array(report.utf8))
        #expect(output.closedOrders.map(\.id).contains(order.id))
        #expect(!pipeline.state.openWorkOrders.contains { $0.id == order.id })
        let ledger = try #require(pipeline.state.ledger.devices.values.first { $0.device == "b-001" })
        #expect(ledger.kits == ["medium": 1])
        #expect(ledger.visits.values.reduce(0, +) == 1)

        let again = pipeline.ingest(topic: "fleetprint/service/boiler/b-001", payload: Array(report.utf8))
        #expect(again.deadLetters.map(\.reason.rawValue) == ["unknown-work-order"])
        #expect(again.deadLetters.first?.detail.contains("closed already") == true)
        #expect(pipeline.state.ledger.devices.values.first { $0.device == "b-001" }?.kits == ["medium": 1])
    }

    @Test("a service report on a bad topic, for an unknown kind or naming an unknown kit is dead-lettered and changes nothing")
    func badServiceReports() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let report = Array(#"{"time":"2026-01-01T08:00:00Z","action":"visit","kit":"medium"}"#.utf8)
        let unknownKit = Array(#"{"time":"2026-01-01T08:00:00Z","action":"visit","kit":"golden"}"#.utf8)
        let outputs = [pipeline.ingest(topic: "fleetprint/service/boiler", payload: report),
                       pipeline.ingest(topic: "fleetprint/service/toaster/t-1", payload: report),
                       pipeline.ingest(topic: "fleetprint/service/boiler/b-001", payload: unknownKit)]
        #expect(outputs.map { $0.deadLetters.map(\.reason.rawValue) } == [["bad-service-report"], ["bad-service-report"], ["bad-service-report"]])
        #expect(outputs[1].deadLetters.first?.detail == "no profile for kind 'toaster'")
        #expect(outputs[2].deadLetters.first?.field == "kit")
        #expect(pipeline.state.devices.isEmpty)
        #expect(pipeline.state.counters.serviceReports == 0)
    }

    @Test("every class of bad input is dead-lettered with its reason, and the good messages around it still count")
    func badInputs() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let stream = BadInputs.interleaved(device: "b-002")
        let reasons = Self.run(stream.messages, on: &pipeline).deadLetters.map(\.reason.rawValue)
        #expect(reasons == stream.reasons)
        #expect(pipeline.state.counters.deadLettersTotal == stream.reasons.count)
        #expect(pipeline.state.counters.readings == stream.goodMessages * 9)
        #expect(pipeline.state.ledger.devices.values.first { $0.device == "b-002" }?.bytesReceived == Double(stream.goodBytes))
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
        // Each device through its checkpoint record and back (the Store's part is tested with the daemon).
        var saved = first.state
        for device in first.state.devices.values {
            let engine = try #require(first.engine(for: device.kind))
            var writer = BinaryWriter()
            engine.record(of: device, into: &writer)
            var reader = BinaryReader(writer.bytes)
            saved.devices.store(try engine.state(fromRecord: &reader))
            #expect(reader.isAtEnd)
        }
        var resumed = FleetPipeline(library: library, state: saved)
        let after = Self.run(Array(stream[half...]), on: &resumed)

        #expect(resumed.state == uninterrupted.state)
        #expect(before.workOrders + after.workOrders == all.workOrders)
    }
}

@Suite("How far ahead a timestamp may be")
struct LeadTests {
    @Test("after a quiet night the first message is not too new; a clock running a day ahead of its arrival is")
    func quietNight() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let evening = BoilerStream.start
        let morning = evening.addingTimeInterval(10 * 3600)
        #expect(pipeline.ingest(topic: BoilerStream.topic("a"), payload: BoilerStream.payload(at: evening), receivedAt: evening).deadLetters.isEmpty)
        let first = pipeline.ingest(topic: BoilerStream.topic("b"), payload: BoilerStream.payload(at: morning), receivedAt: morning.addingTimeInterval(2))
        #expect(first.deadLetters.isEmpty, "10 h after the watermark, but on time for when it arrived")
        let early = pipeline.ingest(topic: BoilerStream.topic("c"), payload: BoilerStream.payload(at: morning.addingTimeInterval(86_400)), receivedAt: morning.addingTimeInterval(5))
        #expect(early.deadLetters.map(\.reason.rawValue) == ["too-new"])
        let unknownArrival = pipeline.ingest(topic: BoilerStream.topic("d"), payload: BoilerStream.payload(at: morning.addingTimeInterval(2 * 3600)))
        #expect(unknownArrival.deadLetters.map(\.reason.rawValue) == ["too-new"], "without a receive time the watermark alone decides")
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
            for letter in output.deadLetters { reasons[letter.reason.rawValue, default: 0] += 1 }
        }
        #expect(reasons == ["flood": 80])
        let calm = pipeline.ingest(topic: BoilerStream.topic("calm"), payload: BoilerStream.payload(at: t0.addingTimeInterval(100)))
        #expect(calm.deadLetters.isEmpty)
        let nextHour = pipeline.ingest(topic: BoilerStream.topic("chatty"), payload: BoilerStream.payload(at: t0.addingTimeInterval(3600)))
        #expect(nextHour.deadLetters.isEmpty)
    }
}

@Suite("Timers in event time")
struct TimerTests {
    @Test("a device that goes silent gets its missing-data order at the deadline, driven by another device's readings; one that keeps talking does not")
    func silentDevice() throws {
        var pipeline = FleetPipeline(library: try BoilerStream.library())
        let t0 = BoilerStream.start
        var orders: [WorkOrder] = []
        // Both report for an hour; then only "talker" goes on, for eight hours more.
        for step in 0..<108 {
            let time = t0.addingTimeInterval(Double(step) * 300)
            orders += pipeline.ingest(topic: BoilerStream.topic("talker"), payload: BoilerStream.payload(at: time)).workOrders
            if step < 12 {
                orders += pipeline.ingest(topic: BoilerStream.topic("quiet"), payload: BoilerStream.payload(at: time)).workOrders
            }
        }
        let silent = orders.filter { $0.rule == "silent" }
        #expect(silent.map(\.device) == ["quiet"])
        // Last reading at 00:55; six hours later is 06:55.
        #expect(silent.first?.issuedAt == t0.addingTimeInterval(11 * 300 + 6 * 3600))
        #expect(silent.first?.resolution == .remote)
    }
}
