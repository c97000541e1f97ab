import FleetModel
import FleetprintTestSupport
import Foundation
import MQTT
import Store
import Testing
@testable import FleetprintRuntime

@Suite("The daemon after kill -9")
struct CrashRecoveryTests {
    /// 20 boilers, each normal for 2 h and then fouled for 4 h, interleaved in event time.
    private static let stream: [(topic: String, payload: [UInt8])] = {
        let devices = (1...20).map { String(format: "b-%03d", $0) }
        let perDevice = devices.map { BoilerStream.fouling(device: $0) }
        return (0..<perDevice[0].count).flatMap { index in perDevice.map { $0[index] } }
    }()
    private static let readingsPerMessage = 9

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

        let expectedReadings = stream.count * Self.readingsPerMessage
        try await eventually(60, "both daemons have every reading") {
            seen.latest("steady")?.counters.readings == expectedReadings && seen.latest("crashing")?.counters.readings == expectedReadings
        }
        #expect(steady.terminate() == 0)
        #expect(crashing.terminate() == 0)

        let steadyStore = try FleetStore(directory: steady.stateDirectory)
        let crashingStore = try FleetStore(directory: crashing.stateDirectory)
        let steadyState = try PipelineStateCoding.state(from: steadyStore.load())
        let crashingState = try PipelineStateCoding.state(from: crashingStore.load())
        #expect(crashingState.ledger.devices == steadyState.ledger.devices)
        #expect(crashingState.devices.mapValues(\.openWorkOrders) == steadyState.devices.mapValues(\.openWorkOrders))
        #expect(try crashingStore.load().workOrders == steadyStore.load().workOrders)
        #expect(try crashingStore.publishedOrderIDs() == steadyStore.publishedOrderIDs())
        #expect(!steadyState.openWorkOrders.isEmpty)

        // Each order went out once from each daemon: never twice from the one that crashed.
        try await Task.sleep(for: .milliseconds(300))
        let counts = Dictionary(seen.workOrderIDs.map { ($0, 1) }, uniquingKeysWith: +)
        #expect(Set(counts.keys) == (try steadyStore.publishedOrderIDs()))
        #expect(counts.values.allSatisfy { $0 == 2 })
    }
}
