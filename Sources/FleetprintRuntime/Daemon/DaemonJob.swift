import FleetModel
import Foundation
import Impact
import MQTT
import Store
import Telemetry

/// `fleetprint run`: subscribes, journals every message before it is processed, runs the
/// pipeline, publishes work orders, dead letters and the retained impact summary, and checkpoints.
///
/// The journal is the work queue: libmosquitto's thread appends each message to SQLite, and one
/// task (the only owner of the fleet's state) reads the journal in order. After `kill -9` a
/// restart loads the last checkpoint and replays the journal after it; the ids of published work
/// orders keep a replay from publishing an order twice.
public struct DaemonJob: Sendable {
    public var configuration: DaemonConfiguration
    public var brokers: [BrokerSettings]
    public var library: ProfileLibrary
    public var stateDirectory: URL
    /// Also receives every summary the daemon publishes (`fleetprint run --dashboard`).
    public var onSummary: (@Sendable (DaemonSummary) -> Void)?

    public init(configuration: DaemonConfiguration, brokers: [BrokerSettings], library: ProfileLibrary, stateDirectory: URL,
                onSummary: (@Sendable (DaemonSummary) -> Void)? = nil) {
        self.configuration = configuration
        self.brokers = brokers
        self.library = library
        self.stateDirectory = stateDirectory
        self.onSummary = onSummary
    }

    /// Runs until `stop` yields (SIGINT/SIGTERM in the command), then checkpoints and disconnects.
    public func run(until stop: AsyncStream<Void>) async throws {
        let store = try FleetStore(directory: stateDirectory)
        let saved = try store.load()
        var pipeline = FleetPipeline(library: library, limits: decodeLimits, state: try PipelineStateCoding.state(from: saved))
        let (wake, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let clients = try await connect(store: store, subscriptions: pipeline.subscriptions) { wakeUp.yield() }
        defer { for client in clients { client.close() } }
        let publisher = OutputPublisher(client: clients[0], store: store, instance: configuration.instance,
                                        alreadyPublished: try store.publishedOrderIDs())
        ConnectionReporter.note("run: \(library.profiles.count) kinds, state in \(store.file.path), journal from #\(saved.journalSequence), instance '\(configuration.instance)'")

        let ticker = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(200))
                wakeUp.yield()
            }
        }
        let stopper = Task {
            for await _ in stop { break }
            wakeUp.finish()
        }
        defer { ticker.cancel(); stopper.cancel() }

        var sequence = saved.journalSequence
        var orderRecords: [StoredRecord] = []
        var clock = DaemonClock(summaryEvery: configuration.summaryInterval.baseValue, checkpointEvery: configuration.checkpointInterval.baseValue)
        let model = LedgerModel(library: library)
        for await _ in wake {
            while true {
                let batch = try store.journal(after: sequence, limit: 1000)
                for entry in batch {
                    let output = pipeline.ingest(topic: entry.topic, payload: entry.payload)
                    orderRecords += try publisher.publish(output)
                    sequence = entry.sequence
                }
                clock.count(batch.count)
                if batch.count < 1000 { break }
            }
            if clock.checkpointDue() {
                try checkpoint(&pipeline, orders: &orderRecords, through: sequence, store: store)
            }
            if clock.summaryDue() {
                pipeline.addCompute(cpuSeconds: clock.cpuSecondsSinceLastCall())
                report(summary(of: pipeline.state, model: model, rate: clock.messagesPerSecond()), publisher)
            }
        }
        pipeline.addCompute(cpuSeconds: clock.cpuSecondsSinceLastCall())
        try checkpoint(&pipeline, orders: &orderRecords, through: sequence, store: store)
        report(summary(of: pipeline.state, model: model, rate: clock.messagesPerSecond()), publisher)
        try await clients[0].waitForPublished(timeout: .seconds(5))
        ConnectionReporter.note("run: stopped after journal #\(sequence); \(pipeline.state.counters.messages) messages, \(pipeline.state.counters.workOrdersIssued) work orders, \(pipeline.state.counters.deadLettersTotal) dead letters")
    }

    private func report(_ summary: DaemonSummary, _ publisher: OutputPublisher) {
        publisher.publishSummary(summary)
        onSummary?(summary)
    }

    private var decodeLimits: DecodeLimits {
        DecodeLimits(maxPayloadBytes: Int((configuration.limits.maxPayload.value(in: .byte) ?? 65_536).rounded()),
                     maxAge: configuration.limits.maxAge.baseValue,
                     maxLead: configuration.limits.maxFutureSkew.baseValue)
    }

    /// One persistent-session client per broker, each journaling what it receives.
    private func connect(store: FleetStore, subscriptions: [String], received: @escaping @Sendable () -> Void) async throws -> [MQTTClient] {
        var clients: [MQTTClient] = []
        for (index, broker) in brokers.enumerated() {
            var settings = broker
            settings.persistentSession = true
            settings.clientID = settings.clientID ?? "fleetprint-\(configuration.instance)" + (index == 0 ? "" : "-\(index)")
            let client = try MQTTClient(try settings.mqttConfiguration()) { message in
                do {
                    try store.append(JournalEntry(topic: message.topic, payload: message.payload, receivedAt: Date().timeIntervalSince1970))
                } catch {
                    ConnectionReporter.note("run: could not journal a message on \(message.topic): \(error)")
                }
                received()
            }
            try await client.connect()
            try await client.subscribe(subscriptions.map { TopicSubscription($0, qos: .atLeastOnce) })
            clients.append(client)
        }
        return clients
    }

    private func checkpoint(_ pipeline: inout FleetPipeline, orders: inout [StoredRecord], through sequence: Int64, store: FleetStore) throws {
        let changed = pipeline.takeChanges()
        try store.write(try PipelineStateCoding.checkpoint(of: pipeline.state, changed: changed, orders: orders, through: sequence),
                        at: Date().timeIntervalSince1970)
        orders = []
    }

    private func summary(of state: PipelineState, model: LedgerModel, rate: Double) -> DaemonSummary {
        let open = state.openWorkOrders
        let urgentFirst = open.sorted { ($0.priority == .alarm ? 0 : 1, $0.issuedAt, $0.id) < ($1.priority == .alarm ? 0 : 1, $1.issuedAt, $1.id) }
        return DaemonSummary(instance: configuration.instance, publishedAt: Date(), eventTime: state.watermark,
                             devices: state.devices.count, messagesPerSecond: rate, counters: state.counters,
                             openWorkOrders: Array(urgentFirst.prefix(DaemonSummary.openOrderLimit)),
                             openWorkOrderCount: open.count, cpuSeconds: state.ledger.cpuSeconds,
                             impact: model.summary(of: state.ledger),
                             activity: KindActivity.of(state.ledger, at: state.watermark))
    }
}
