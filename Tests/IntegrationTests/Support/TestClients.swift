import FleetprintRuntime
import MQTT

/// Connected clients for tests, with short timeouts so a failure shows quickly.
enum TestClients {
    static func configuration(_ url: String, clientID: String? = nil) throws -> MQTTConfiguration {
        var configuration = MQTTConfiguration(broker: try BrokerURL(parsing: url))
        if let clientID { configuration.clientID = clientID }
        configuration.connectTimeout = .seconds(5)
        configuration.reconnectDelay = (.seconds(1), .seconds(2))
        return configuration
    }

    static func connected(_ url: String) async throws -> MQTTClient {
        let client = try MQTTClient(configuration(url))
        try await client.connect()
        return client
    }

    /// Reads `count` messages from the client's stream.
    static func collect(_ count: Int, from client: MQTTClient) async -> [MQTTMessage] {
        var collected: [MQTTMessage] = []
        collected.reserveCapacity(count)
        for await message in client.messages {
            collected.append(message)
            if collected.count == count { break }
        }
        return collected
    }

    /// Publishes at QoS 1 and waits for every acknowledgement, keeping the client's queue short.
    static func publish(_ stream: [(topic: String, payload: [UInt8])], with client: MQTTClient) async throws {
        for (index, message) in stream.enumerated() {
            try client.publish(topic: message.topic, payload: message.payload, qos: .atLeastOnce)
            if index % 500 == 499 { try await client.waitForPublished(leaving: 1_000) }
        }
        try await client.waitForPublished(timeout: .seconds(60))
    }
}
