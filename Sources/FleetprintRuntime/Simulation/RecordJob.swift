import Foundation
import MQTT

/// `fleetprint record`: captures what a broker carries on `filters` to an NDJSON stream file,
/// each line stamped with its receive time and keeping its QoS and retain flag, until `count`
/// messages or Ctrl-C.
public struct RecordJob: Sendable {
    public var broker: BrokerSettings
    public var filters: [String]
    public var output: URL
    public var count: Int?

    public init(broker: BrokerSettings, filters: [String], output: URL, count: Int? = nil) {
        self.broker = broker
        self.filters = filters
        self.output = output
        self.count = count
    }

    /// Returns the number of messages written.
    @discardableResult
    public func run() async throws -> Int {
        let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-record"))
        defer { client.close() }
        try await client.connect()
        // At QoS 2 a message arrives at the QoS it was published with (never above the
        // subscription's), which the record keeps.
        try await client.subscribe(filters.map { TopicSubscription($0, qos: .exactlyOnce) })
        let trap = SignalTrap { _ in client.close() }
        var writer = try StreamWriter(url: output)
        var written = 0
        var progress = ProgressReporter(label: "record")
        for await message in client.messages {
            try writer.write(StreamRecord(time: Date().timeIntervalSince1970, topic: message.topic, payload: message.payload,
                                          qos: message.qos, retain: message.retain))
            written += 1
            if written % 1000 == 0 { try writer.flush() }
            progress.update(fraction: 0, eventTime: nil, devices: 0, messages: written)
            if let count, written >= count { break }
        }
        try writer.close()
        withExtendedLifetime(trap) {}
        ConnectionReporter.note("record: \(written) messages to \(output.path)")
        return written
    }
}
