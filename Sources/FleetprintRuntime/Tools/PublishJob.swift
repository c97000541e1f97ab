import MQTT

/// `fleetprint pub`: publishes one message, or one message per input line, and waits until the
/// broker has them (QoS 1/2) or they have left (QoS 0) before it disconnects.
public struct PublishJob: Sendable {
    public var broker: BrokerSettings
    public var topic: String
    public var qos: Int
    public var retain: Bool

    public init(broker: BrokerSettings, topic: String, qos: Int, retain: Bool) {
        self.broker = broker
        self.topic = topic
        self.qos = qos
        self.retain = retain
    }

    /// Publishes every payload the sequence yields; returns how many were sent.
    @discardableResult
    public func run(payloads: some Sequence<String>) async throws -> Int {
        guard let level = QoS(rawValue: Int32(qos)) else { throw BrokerSettingsError("--qos must be 0, 1 or 2") }
        let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-pub"))
        defer { client.close() }
        try await client.connect()
        var sent = 0
        for payload in payloads {
            try client.publish(topic: topic, text: payload, qos: level, retain: retain)
            sent += 1
        }
        try await client.waitForPublished()
        return sent
    }
}
