import FleetModel
import FleetprintTestSupport
import Foundation
import MQTT
import Testing
@testable import FleetprintRuntime

@Suite("Bad input on a real broker")
struct DeadLetterTests {
    @Test("each class of bad input is dead-lettered with its reason and the original topic, and the good messages between still count")
    func deadLetters() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        var configuration = DaemonConfiguration()
        configuration.summaryInterval = Quantity(0.2, .second)
        let job = DaemonJob(configuration: configuration, brokers: [BrokerSettings(url: broker.url)],
                            library: try BoilerStream.library(), stateDirectory: state)
        let (stop, stopNow) = AsyncStream.makeStream(of: Void.self)
        let daemon = Task { try await job.run(until: stop) }

        let watcher = try await TestClients.connected(broker.url)
        defer { watcher.close() }
        try await watcher.subscribe([TopicSubscription("fleetprint/impact/#", qos: .atLeastOnce)])
        let summaries = Summaries()
        let reader = Task { for await message in watcher.messages { summaries.add(message) } }
        defer { reader.cancel() }
        try await eventually(10, "the daemon's first summary") { summaries.latest("local") != nil }

        let deadLetters = try await TestClients.connected(broker.url)
        defer { deadLetters.close() }
        try await deadLetters.subscribe([TopicSubscription("fleetprint/deadletter/#", qos: .atLeastOnce)])
        let stream = BadInputs.interleaved(device: "b-009")
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        for message in stream.messages {
            try publisher.publish(topic: message.topic, payload: message.payload, qos: .atLeastOnce)
        }
        // The daemon subscribes to its profiles' topic templates only: a stranger's topic never reaches it.
        let reasons = stream.reasons.filter { $0 != "unknown-topic" }
        let letters = try await withDeadline(10, "every dead letter") { await TestClients.collect(reasons.count, from: deadLetters) }
        #expect(letters.map { $0.topic } == reasons.map { "fleetprint/deadletter/\($0)" })
        let decoded = try letters.map { try JSONDecoder().decode(DeadLetter.self, from: Data($0.payload)) }
        #expect(decoded.map(\.reason) == reasons)
        #expect(decoded.first?.topic == BoilerStream.topic("b-009"))
        #expect(decoded.allSatisfy { !$0.detail.isEmpty })

        try await eventually(10, "the good readings counted") { summaries.latest("local")?.counters.readings == stream.goodMessages * 9 }
        #expect(summaries.latest("local")?.counters.deadLettersTotal == reasons.count)
        stopNow.yield()
        try await daemon.value
    }
}
