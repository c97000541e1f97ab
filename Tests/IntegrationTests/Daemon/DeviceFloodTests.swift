import FleetprintTestSupport
import Foundation
import MQTT
import Testing

/// Anyone who can publish telemetry must not be able to grow the daemon's state without bound.
@Suite("A flood of new device ids")
struct DeviceFloodTests {
    @Test("2,000 new device ids beyond a limit of 1,000 are dead-lettered device-limit, and the state keeps 1,000")
    func beyondTheLimit() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-flood-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let configuration = root.appendingPathComponent("fleetprint.yaml")
        try "summary_interval: 0.5 s\nlimits:\n  max_devices_per_kind: 1000\n".write(to: configuration, atomically: true, encoding: .utf8)

        let seen = Summaries()
        let watcher = try await TestClients.connected(broker.url)
        defer { watcher.close() }
        try await watcher.subscribe([TopicSubscription("fleetprint/impact/+", qos: .atLeastOnce)])
        let reader = Task { for await message in watcher.messages { seen.add(message) } }
        defer { reader.cancel() }
        let daemon = try DaemonProcess(instance: "flood", stateDirectory: root.appendingPathComponent("state"), broker: broker.url,
                                       arguments: ["--config", configuration.path])
        try await eventually(20, "the daemon's first summary") { seen.latest("flood") != nil }

        // 3,000 made-up boilers in ten minutes of event time: 1,000 fit, 2,000 do not.
        let stream = (0..<3_000).map { index in
            (topic: BoilerStream.topic("fake-\(index)"), payload: BoilerStream.payload(at: BoilerStream.start.addingTimeInterval(Double(index) * 0.2)))
        }
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        try await BoilerFleet.publish(stream, with: publisher)
        try await eventually(60, "every message counted") { seen.latest("flood")?.counters.messages == 3_000 }
        let summary = try #require(seen.latest("flood"))
        #expect(summary.devices == 1_000)
        #expect(summary.counters.deadLetters["device-limit"] == 2_000)
        #expect(daemon.terminate() == 0)
    }
}
