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
        let stop = StopFlag()
        let trap = SignalTrap { _ in stop.set() }
        defer { withExtendedLifetime(trap) {} }
        if let broker {
            let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-replay"))
            defer { client.close() }
            try await client.connect()
            var publisher = PacedPublisher(client: client, speed: speed)
            var progress = ProgressReporter(label: "replay")
            let data = try Self.read(file)
            var records: [StreamRecord] = []
            let total = try Self.forEach(in: data, stop: stop) { records.append($0) }
            for record in records where !stop.isSet {
                try await publisher.publish(record)
                progress.update(fraction: Double(publisher.published) / Double(max(total, 1)), eventTime: record.time, devices: 0, messages: publisher.published)
            }
            try await publisher.finish()
            ConnectionReporter.note("replay: published \(publisher.published) of \(total) messages")
            return
        }
        let pipeline = try runOffline(stop: stop)
        let summary = LedgerModel(library: library).summary(of: pipeline.state.ledger)
        print(json ? LedgerReport.json(summary) : LedgerReport.table(summary))
    }

    /// Every line through a fresh pipeline, as fast as one core goes.
    public func runOffline(stop: StopFlag = StopFlag()) throws -> FleetPipeline {
        var pipeline = FleetPipeline(library: library, limits: ClosedLoop.limits)
        var progress = ProgressReporter(label: "replay")
        let data = try Self.read(file)
        var offset = 0
        try Self.forEach(in: data, stop: stop) { record in
            _ = pipeline.ingest(topic: record.topic, payload: record.payload)
            offset += 1
            progress.update(fraction: 0, eventTime: record.time, devices: pipeline.state.devices.count, messages: offset)
        }
        progress.finish(fraction: 1, eventTime: pipeline.state.watermark?.timeIntervalSince1970, devices: pipeline.state.devices.count, messages: offset)
        return pipeline
    }

    static func read(_ file: URL) throws -> Data {
        try Data(contentsOf: file, options: .alwaysMapped)
    }

    /// Calls `body` for each parsable line in order; returns the number of records. A line that
    /// does not parse is reported and skipped.
    @discardableResult
    static func forEach(in data: Data, stop: StopFlag, _ body: (StreamRecord) throws -> Void) throws -> Int {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> Int in
            var start = 0
            var count = 0
            var line = 0
            while start < bytes.count, !stop.isSet {
                let end = (start..<bytes.count).first { bytes[$0] == 0x0A } ?? bytes.count
                line += 1
                if end > start {
                    if let record = StreamRecord(line: UnsafeRawBufferPointer(rebasing: bytes[start..<end])) {
                        try body(record)
                        count += 1
                    } else {
                        ConnectionReporter.note("replay: line \(line) is not a stream record; skipped")
                    }
                }
                start = end + 1
            }
            return count
        }
    }
}
