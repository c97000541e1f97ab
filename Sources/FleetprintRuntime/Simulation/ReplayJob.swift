import FleetModel
import Foundation
import Impact
import MQTT

/// `fleetprint replay`: plays a recorded or simulated NDJSON stream back in order. Offline it
/// goes through the daemon's pipeline in-process and ends with the ledger; otherwise it is
/// published to a broker with its relative timing scaled by `speed`.
public struct ReplayJob: Sendable {
    public var library: ProfileLibrary
    public var file: URL
    public var broker: BrokerSettings?
    public var speed: Double?
    public var json: Bool

    public init(library: ProfileLibrary, file: URL, broker: BrokerSettings? = nil, speed: Double? = nil, json: Bool = false) {
        self.library = library
        self.file = file
        self.broker = broker
        self.speed = speed
        self.json = json
    }

    public func run() async throws {
        let (stop, trap) = StopFlag.onSignals()
        defer { withExtendedLifetime(trap) {} }
        if let broker {
            let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-replay"))
            defer { client.close() }
            try await client.connect()
            var publisher = PacedPublisher(client: client, speed: speed)
            var progress = ProgressReporter(label: "replay")
            var reader = try StreamFileReader(url: file)
            while !stop.isSet, let record = reader.next() {
                try await publisher.publish(record)
                progress.update(fraction: reader.fraction, eventTime: record.time, devices: 0, messages: publisher.published)
            }
            try await publisher.finish()
            ConnectionReporter.note("replay: published \(publisher.published) messages\(stop.isSet ? " (stopped)" : "")")
            return
        }
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
