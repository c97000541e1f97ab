import FleetModel
import Foundation
import Impact
import MQTT
import Pipeline
import Simulation

/// `fleetprint simulate`: a fleet in event time. With `broker`, its messages are published paced
/// by `speed` and the technicians follow the real daemon's work orders; otherwise the loop is
/// closed in-process through the daemon's pipeline, optionally recorded to an NDJSON file, and
/// the run ends with the ledger.
public struct SimulateJob: Sendable {
    public var library: ProfileLibrary
    public var settings: SimulationSettings
    public var output: URL?
    /// Where the in-process run writes its ledger (`LedgerFile`), for `ledger merge`.
    public var ledgerFile: URL?
    public var broker: BrokerSettings?
    /// Event seconds per wall second; nil: as fast as possible.
    public var speed: Double?
    public var json: Bool

    public init(library: ProfileLibrary, settings: SimulationSettings, output: URL? = nil, broker: BrokerSettings? = nil, speed: Double? = nil, json: Bool = false) {
        self.library = library
        self.settings = settings
        self.output = output
        self.broker = broker
        self.speed = speed
        self.json = json
    }

    public func run() async throws {
        let (stop, trap) = StopFlag.onSignals()
        defer { withExtendedLifetime(trap) {} }
        if let broker {
            try await publish(to: broker, stop: stop)
            return
        }
        let loop = try runInProcess(stop: stop)
        try ledgerFile.map(LedgerFile(shards: settings.shard.map { [$0] }, ledger: loop.pipeline.state.ledger).write)
        let summary = LedgerModel(library: library).summary(of: loop.pipeline.state.ledger)
        print(json ? LedgerReport.json(summary) : LedgerReport.table(summary) + "\n" + Self.lifeSummary(loop.simulator.lives))
    }

    /// The closed loop in-process; every message is also written to `output` when given.
    public func runInProcess(stop: StopFlag = StopFlag()) throws -> ClosedLoop {
        var loop = try ClosedLoop(library: library, settings: settings)
        for note in loop.simulator.notes { ConnectionReporter.note("simulate: \(note)") }
        var writer = try output.map(StreamWriter.init)
        let clock = ContinuousClock()
        let started = clock.now
        try loop.run(stop: stop) { try writer?.write($0) }
        try writer?.close()
        let seconds = (clock.now - started) / .seconds(1)
        ConnectionReporter.note(PipelineTally.line("simulate", loop.pipeline.state.counters, seconds: seconds) + (stop.isSet ? " (stopped)" : ""))
        return loop
    }

    private func publish(to broker: BrokerSettings, stop: StopFlag) async throws {
        var simulator = try FleetSimulator(library: library, settings: settings)
        for note in simulator.notes { ConnectionReporter.note("simulate: \(note)") }
        let inbox = OrderInbox()
        let client = try MQTTClient(broker.mqttConfiguration(clientIDPrefix: "fleetprint-sim")) { message in
            if message.topic.hasPrefix(Self.workOrderTopicPrefix) { inbox.receive(message.payload) }
        }
        defer { client.close() }
        try await client.connect()
        if settings.mode == .cbm { try await client.subscribe([TopicSubscription(Self.workOrderTopicPrefix + "#", qos: .atLeastOnce)]) }
        var publisher = PacedPublisher(client: client, speed: speed)
        var progress = ProgressReporter(label: "simulate")
        while !stop.isSet, let message = simulator.next() {
            let (topic, payload) = message.wire
            try await publisher.publish(StreamRecord(time: Double(message.time), topic: topic, payload: payload))
            for order in inbox.take() { simulator.accept(order) }
            progress.update(fraction: simulator.progress, eventTime: Double(message.time), devices: simulator.deviceCount, messages: simulator.messageCount)
        }
        try await publisher.finish()
        progress.finish(fraction: simulator.progress, eventTime: Double(simulator.now), devices: simulator.deviceCount, messages: simulator.messageCount)
        ConnectionReporter.note("simulate: published \(publisher.published) messages\(stop.isSet ? " (stopped)" : ""); \(Self.lifeSummary(simulator.lives))")
    }

    /// `fleetprint/workorders/`, from the daemon's own topic scheme.
    static var workOrderTopicPrefix: String {
        String(OutputTopics.workOrder(kind: "", device: "").dropLast(1))
    }

    /// Mean life of the units that left service, per kind.
    static func lifeSummary(_ lives: [UnitLife]) -> String {
        let kinds = Set(lives.map(\.kind)).sorted()
        guard !kinds.isEmpty else { return "no unit reached its end of life" }
        return "units retired: " + kinds.map { kind in
            let years = lives.filter { $0.kind == kind }.map(\.years)
            return "\(kind) \(years.count) (mean life \(String(format: "%.2f", years.reduce(0, +) / Double(years.count))) years)"
        }.joined(separator: ", ")
    }
}
