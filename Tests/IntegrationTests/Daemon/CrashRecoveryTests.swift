import FleetModel
import FleetprintTestSupport
import Foundation
import MQTT
import Store
import Testing
@testable import FleetprintRuntime

@Suite("The daemon after kill -9")
struct CrashRecoveryTests {
    private static let stream = BoilerFleet.fouling(devices: 20)

    @Test("killed mid-stream and restarted, the daemon ends with the work orders and ledger of an uninterrupted run")
    func killNineAndResume() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-crash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }

        let watcher = try await TestClients.connected(broker.url)
        defer { watcher.close() }
        try await watcher.subscribe([TopicSubscription("fleetprint/workorders/#", qos: .atLeastOnce), TopicSubscription("fleetprint/impact/+", qos: .atLeastOnce)])
        let seen = Summaries()
        let reader = Task { for await message in watcher.messages { seen.add(message) } }
        defer { reader.cancel() }

        let steady = try DaemonProcess(instance: "steady", stateDirectory: root.appendingPathComponent("steady"), broker: broker.url)
        var crashing = try DaemonProcess(instance: "crashing", stateDirectory: root.appendingPathComponent("crashing"), broker: broker.url)
        try await eventually(20, "both daemons' first summaries") { seen.latest("steady") != nil && seen.latest("crashing") != nil }

        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        let stream = Self.stream
        // After the first work orders went out, so a replay must not publish them again.
        let killAt = stream.count * 3 / 4
        for (index, message) in stream.enumerated() {
            try publisher.publish(topic: message.topic, payload: message.payload, qos: .atLeastOnce)
            if index == killAt {
                try await publisher.waitForPublished(timeout: .seconds(10))
                try await eventually(20, "the crashing daemon has issued work orders") { (seen.latest("crashing")?.counters.workOrdersIssued ?? 0) > 0 }
                crashing.kill9()
            }
        }
        try await publisher.waitForPublished(timeout: .seconds(20))
        crashing = try DaemonProcess(instance: "crashing", stateDirectory: root.appendingPathComponent("crashing"), broker: broker.url)

        let expectedReadings = stream.count * BoilerFleet.readingsPerMessage
        try await eventually(60, "both daemons have every reading") {
            seen.latest("steady")?.counters.readings == expectedReadings && seen.latest("crashing")?.counters.readings == expectedReadings
        }
        #expect(steady.terminate() == 0)
        #expect(crashing.terminate() == 0)

        // Each order went out from each daemon; from the crashed one at most once more.
        try await DaemonOutcome.expectSame(steady: steady, crashing: crashing, seen: seen, kills: 1)
    }
}
