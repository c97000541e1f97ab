import Foundation
import MQTT

/// `fleetprint sub`: prints what a broker carries, like mosquitto_sub, and says on stderr when the
/// connection drops and comes back, and how many messages the buffer had to drop.
public struct SubscribeJob: Sendable {
    public var broker: BrokerSettings
    public var filters: [String]
    public var qos: Int
    public var count: Int?
    public var format: MessageFormat

    public init(broker: BrokerSettings, filters: [String], qos: Int, count: Int?, format: MessageFormat) {
        self.broker = broker
        self.filters = filters
        self.qos = qos
        self.count = count
        self.format = format
    }

    /// Runs until `count` messages arrived, the broker connection is closed, or SIGINT/SIGTERM.
    /// Returns the number of messages printed.
    @discardableResult
    public func run(write: (String) -> Void = { print($0) }) async throws -> Int {
        guard let level = QoS(rawValue: Int32(qos)) else { throw BrokerSettingsError("--qos must be 0, 1 or 2") }
        let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-sub"))
        defer { client.close() }
        try await client.connect()
        try await client.subscribe(filters.map { TopicSubscription($0, qos: level) })
        let trap = SignalTrap { _ in client.close() }
        let reporter = Task { await ConnectionReporter.report(client.connectionStates, broker: client.configuration.broker) }
        defer { reporter.cancel() }
        var printed = 0
        for await message in client.messages {
            write(format.render(message))
            printed += 1
            if let count, printed >= count { break }
        }
        withExtendedLifetime(trap) {}
        if client.droppedCount > 0 {
            ConnectionReporter.note("dropped \(client.droppedCount) messages: the output could not keep up")
        }
        return printed
    }
}
