import FleetprintTestSupport
import Foundation
import MQTT
import Testing
@testable import FleetprintRuntime

/// `record` then `replay` against real brokers: what a message was (QoS, retained) survives the file.
@Suite("Record and replay keep QoS and retain flags")
struct RecordReplayTests {
    @Test("a retained QoS 0 summary and live QoS 2 telemetry are recorded as such and replayed with the same flags")
    func flagsSurvive() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-record-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: file) }
        let source = try TestBroker.started()
        defer { source.stop() }
        let publisher = try await TestClients.connected(source.url)
        defer { publisher.close() }
        try publisher.publish(topic: "fleetprint/impact/site", text: "{}", qos: .atMostOnce, retain: true)
        try await publisher.waitForPublished()

        // The retained summary arrives on subscribing; then two live messages, published until recorded.
        let recording = Task { try await RecordJob(broker: BrokerSettings(url: source.url), filters: ["#"], output: file, count: 3).run() }
        let live = Task {
            while !Task.isCancelled {
                try publisher.publish(topic: "devices/boiler/b-1/telemetry", text: "{}", qos: .exactlyOnce)
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        defer { live.cancel() }
        #expect(try await withDeadline(20, "recording three messages") { try await recording.value } == 3)
        var reader = try StreamFileReader(url: file)
        let records = [reader.next(), reader.next(), reader.next()].compactMap { $0 }
        #expect(records.map(\.topic) == ["fleetprint/impact/site", "devices/boiler/b-1/telemetry", "devices/boiler/b-1/telemetry"])
        #expect(records.map(\.qos) == [.atMostOnce, .exactlyOnce, .exactlyOnce])
        #expect(records.map(\.retain) == [true, false, false])

        let target = try TestBroker.started()
        defer { target.stop() }
        let listener = try await TestClients.connected(target.url)
        defer { listener.close() }
        try await listener.subscribe([TopicSubscription("#", qos: .exactlyOnce)])
        try await ReplayJob(library: try BoilerStream.library(), file: file, broker: BrokerSettings(url: target.url), qos: 1).run()
        let replayed = try await withDeadline(20, "the replayed messages") { await TestClients.collect(3, from: listener) }
        // A subscriber gets each at the QoS it was published with (never above its own 2).
        #expect(replayed.map(\.qos) == [.atMostOnce, .exactlyOnce, .exactlyOnce])

        let later = try await TestClients.connected(target.url)
        defer { later.close() }
        try await later.subscribe([TopicSubscription("#", qos: .exactlyOnce)])
        let kept = try await withDeadline(20, "the retained summary") { await TestClients.collect(1, from: later) }
        #expect(kept.map(\.topic) == ["fleetprint/impact/site"] && kept.first?.retain == true)
    }
}
