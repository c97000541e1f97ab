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
}
