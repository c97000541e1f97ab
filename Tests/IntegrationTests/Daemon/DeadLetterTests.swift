import FleetprintTestSupport
import Foundation
import Pipeline
import MQTT
import Testing
@testable import FleetprintRuntime

@Suite("Bad input on a real broker")
struct DeadLetterTests {
    @Test("each class of bad input is dead-lettered with its reason and the original topic, and the good messages between still count")
    func deadLetters() async throws {
        let daemon = try await InProcessDaemon.start()
        let deadLetters = try await TestClients.connected(daemon.broker.url)
        defer { deadLetters.close() }
        try await deadLetters.subscribe([TopicSubscription("fleetprint/deadletter/#", qos: .atLeastOnce)])
        let stream = BadInputs.interleaved(device: "b-009")
        try daemon.publish(stream.messages)

        // The daemon subscribes to its profiles' topic templates only: a stranger's topic never reaches it.
        let reasons = stream.reasons.filter { $0 != "unknown-topic" }
        let letters = try await withDeadline(10, "every dead letter") { await TestClients.collect(reasons.count, from: deadLetters) }
        #expect(letters.map { $0.topic } == reasons.map { "fleetprint/deadletter/\($0)" })
        let decoded = try letters.map { try JSONDecoder().decode(DeadLetter.self, from: Data($0.payload)) }
        #expect(decoded.map(\.reason.rawValue) == reasons)
        #expect(decoded.first?.topic == BoilerStream.topic("b-009"))
        #expect(decoded.allSatisfy { !$0.detail.isEmpty })
        // A 100 kB payload comes back as its first kilobyte and its size, not whole.
        let large = try #require(decoded.first { $0.reason == .decode(.tooLarge) })
        #expect(large.payloadBytes == 100_000 && large.truncated == true && large.payload?.utf8.count == DeadLetter.excerptBytes)

        let seen = daemon.seen
        try await eventually(10, "the good readings counted") { seen.latest("local")?.counters.readings == stream.goodMessages * 9 }
        #expect(daemon.summary?.counters.deadLettersTotal == reasons.count)
        try await daemon.stop()
    }
}
