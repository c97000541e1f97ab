import FleetprintTestSupport
import Foundation
import MQTT
import Store
import Synchronization
import Testing

/// The broker connection is lost while the daemon has outputs to send.
@Suite("Outputs across a lost connection")
struct BrokerBlipTests {
    @Test("network blips and a client taking over the daemon's client id do not stop it, and every work order arrives once the connection is back")
    func blips() async throws {
        let bench = try await DaemonBench("blip")
        defer { bench.stop() }
        let (broker, root, seen) = (bench.broker, bench.root, bench.seen)
        let proxy = try BlipProxy(to: broker.port)
        defer { proxy.close() }
        // The daemon reaches the broker through the proxy; everyone else directly.
        let daemon = try DaemonProcess(instance: "blip", stateDirectory: root, broker: proxy.url)
        try await eventually(20, "the daemon's first summary") { seen.latest("blip") != nil }

        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        let sending = Task { try await TestClients.publish(BoilerFleet.fouling(devices: 300), with: publisher) }
        for _ in 0..<6 {
            try await Task.sleep(for: .milliseconds(600))
            proxy.blip(for: 0.8)
        }
        // And once a client that takes its client id away (nothing is queued for it to take now,
        // the session's telemetry waits until the daemon is back).
        var configuration = try TestClients.configuration(broker.url, clientID: "fleetprint-blip")
        configuration.cleanSession = false
        try await sending.value
        // Readings, not messages: a message redelivered around a blip counts as a message twice.
        try await eventually(60, "the daemon has every reading") { seen.latest("blip")?.counters.readings == 300 * 72 * BoilerFleet.readingsPerMessage }
        let thief = try MQTTClient(configuration)
        try await thief.connect()
        thief.close()

        try await eventually(120, "every work order has arrived") { Set(seen.workOrderMarks.filter { !$0.contains("#") }).count == 300 }
        #expect(daemon.isRunning, "\(daemon.output.suffix(1_000))")
        #expect(daemon.output.contains("lost the broker") && daemon.output.contains("broker connection back"))
        #expect(daemon.terminate() == 0)
        let store = try FleetStore(directory: root)
        #expect(try store.outbox().isEmpty)
        #expect(try store.publishedOrderIDs() == Set(seen.workOrderMarks))
    }

    @Test("a QoS 1 message published while the connection is down is kept, sent once it is back, and acknowledged; QoS 0 throws")
    func publishWhileAway() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let proxy = try BlipProxy(to: broker.port)
        defer { proxy.close() }
        let subscriber = try await TestClients.connected(broker.url)
        defer { subscriber.close() }
        try await subscriber.subscribe([TopicSubscription("away/#", qos: .atLeastOnce)])
        let client = try await TestClients.connected(proxy.url)
        defer { client.close() }

        proxy.blip(for: 1.5)
        try await eventually(10, "the client noticing the cut") {
            if case .disconnected = client.connectionState { return true }
            return false
        }
        let acknowledged = Mutex(false)
        try client.publish(topic: "away/kept", payload: Array("kept".utf8), qos: .atLeastOnce) { answer in acknowledged.withLock { $0 = answer == .accepted } }
        #expect(throws: MQTTError.self) { try client.publish(topic: "away/lost", payload: Array("lost".utf8), qos: .atMostOnce) }
        #expect(!acknowledged.withLock { $0 })

        let received = try await withDeadline(20, "the kept message after the reconnect") { await TestClients.collect(1, from: subscriber) }
        #expect(received.first?.topic == "away/kept")
        try await eventually(5, "its acknowledgement") { acknowledged.withLock { $0 } }
    }
}
