import CReadAhead
import FleetprintRuntime
import MQTT
import Testing

@Suite("MQTT against a real mosquitto")
struct RoundTripTests {
    @Test("10,000 QoS 1 messages arrive complete, once each, in order")
    func qos1RoundTrip() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let subscriber = try await TestClients.connected(broker.url)
        defer { subscriber.close() }
        try await subscriber.subscribe([TopicSubscription("roundtrip/#", qos: .atLeastOnce)])
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        let (servedBefore, filledBefore) = (fleetprint_read_ahead_served(), fleetprint_read_ahead_filled())

        let total = 10_000
        for index in 0..<total {
            try publisher.publish(topic: "roundtrip/\(index % 7)", text: String(index), qos: .atLeastOnce)
        }
        try await publisher.waitForPublished()
        let received = try await withDeadline(60, "receiving \(total) messages") {
            await TestClients.collect(total, from: subscriber)
        }

        #expect(received.map(\.payloadText) == (0..<total).map { String($0) })
        #expect(received.allSatisfy { $0.qos == .atLeastOnce && !$0.retain })
        #expect(subscriber.droppedCount == 0)
        #expect(subscriber.receivedCount == total)
        // libmosquitto read each packet in three or more small reads, served from the read-ahead
        // (the publisher's acknowledgements too), which read the kernel far less often.
        let served = fleetprint_read_ahead_served() - servedBefore
        let filled = fleetprint_read_ahead_filled() - filledBefore
        #expect(served >= 3 * total)
        #expect(filled * 2 < served)
    }

    @Test("a retained message reaches a subscriber that comes later")
    func retainedMessage() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let publisher = try await TestClients.connected(broker.url)
        try publisher.publish(topic: "fleetprint/impact/test", text: "{\"net\":1}", qos: .atLeastOnce, retain: true)
        try await publisher.waitForPublished()
        publisher.close()

        let late = try await TestClients.connected(broker.url)
        defer { late.close() }
        try await late.subscribe([TopicSubscription("fleetprint/impact/#")])
        let received = try await withDeadline(10, "the retained message") {
            await TestClients.collect(1, from: late)
        }
        #expect(received == [MQTTMessage(topic: "fleetprint/impact/test", payload: Array("{\"net\":1}".utf8), qos: .atLeastOnce, retain: true)])
    }

    @Test("after a broker restart the client reconnects, re-subscribes and receives new messages")
    func reconnectAfterBrokerRestart() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let subscriber = try await TestClients.connected(broker.url)
        defer { subscriber.close() }
        try await subscriber.subscribe([TopicSubscription("restart/#")])

        broker.stop()
        try await eventually(10, "the client noticing the broker is gone") {
            if case .disconnected = subscriber.connectionState { return true }
            return false
        }
        try broker.start()
        try await eventually(15, "the client reconnecting") { subscriber.connectionState == .connected }

        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        // The renewed subscription is sent from the connect callback; publish until it is in place.
        let sender = Task {
            while !Task.isCancelled {
                try publisher.publish(topic: "restart/after", text: "back", qos: .atLeastOnce)
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        defer { sender.cancel() }
        let received = try await withDeadline(10, "a message after the restart") {
            await TestClients.collect(1, from: subscriber)
        }
        #expect(received.first?.topic == "restart/after")
        #expect(received.first?.payloadText == "back")
    }
}
