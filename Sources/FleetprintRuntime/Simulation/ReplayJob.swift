import FleetModel
import Foundation
import Impact
import MQTT
import Pipeline

/// `fleetprint replay`: plays a recorded or simulated NDJSON stream back in order. Offline it
/// goes through the daemon's pipeline in-process and ends with the ledger; otherwise it is
/// published to a broker with its relative timing scaled by `speed`, each message with the QoS
/// and retain flag it was recorded with.
public struct ReplayJob: Sendable {
    public var library: ProfileLibrary
    public var file: URL
    public var broker: BrokerSettings?
    public var speed: Double?
    /// QoS of what goes to the broker where the file gives none (a recording keeps each
    /// message's): 1 by default, so a busy broker cannot silently drop it.
    public var qos: Int
    public var json: Bool

    public init(library: ProfileLibrary, file: URL, broker: BrokerSettings? = nil, speed: Double? = nil, qos: Int = 1, json: Bool = false) {
        self.library = library
        self.file = file
        self.broker = broker
        self.speed = speed
        self.qos = qos
        self.json = json
    }

    public func run() async throws {
        let (stop, trap) = StopFlag.onSignals()
        defer { withExtendedLifetime(trap) {} }
        if let broker {
            guard let level = QoS(rawValue: Int32(qos)) else { throw BrokerSettingsError("--qos must be 0, 1 or 2") }
            let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-replay"))
            defer { client.close() }
            try await client.connect()
            var publisher = PacedPublisher(client: client, speed: speed, qos: level)
            var progress = ProgressReporter(label: "replay")
            var reader = try StreamFileReader(url: file)
            while !stop.isSet, let record = reader.next() {
                try await publisher.publish(record)
                progress.update(fraction: reader.fraction, eventTime: record.time, devices: 0, messages: publisher.published)
            }
            try await publisher.finish()
            let seconds = progress.elapsedSeconds
            ConnectionReporter.note("replay: published \(publisher.published) messages in \(String(format: "%.2f", seconds)) s"
                                    + " (\(seconds > 0 ? Int(Double(publisher.published) / seconds) : 0) msg/s; QoS as recorded, else \(qos); every QoS 1 and 2 message acknowledged)"
                                    + (stop.isSet ? " (stopped)" : ""))
            return
        }
        AllocatorSettings.apply()
        let pipeline = try runOffline(stop: stop)
        let summary = LedgerModel(library: library).summary(of: pipeline.state.ledger)
        print(json ? LedgerReport.json(summary) : LedgerReport.table(summary))
    }

    /// Every line through a fresh pipeline, as fast as one core goes.
    public func runOffline(stop: StopFlag = StopFlag()) throws -> FleetPipeline {
        var pipeline = FleetPipeline(library: library)
        var progress = ProgressReporter(label: "replay")
        var reader = try StreamFileReader(url: file)
        var count = 0
        while !stop.isSet, let record = reader.next() {
            _ = pipeline.ingest(topic: record.topic, payload: record.payload, receivedAt: Date(timeIntervalSince1970: record.time))
            count += 1
            progress.update(fraction: reader.fraction, eventTime: record.time, devices: pipeline.state.devices.count, messages: count)
        }
        progress.finish(fraction: reader.fraction, eventTime: pipeline.state.watermark?.timeIntervalSince1970, devices: pipeline.state.devices.count, messages: count)
        ConnectionReporter.note(PipelineTally.line("replay", pipeline.state.counters, seconds: progress.elapsedSeconds) + (stop.isSet ? " (stopped)" : ""))
        return pipeline
    }
}
