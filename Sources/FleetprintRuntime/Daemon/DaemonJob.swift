import FleetModel
import Foundation
import Impact
import Logging
import MQTT
import Store
import Synchronization
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
    public var metrics: DaemonMetrics
    public var logger: Logger
    /// Also receives every summary the daemon publishes (`fleetprint run --dashboard`).
    public var onSummary: (@Sendable (DaemonSummary) -> Void)?

    public init(configuration: DaemonConfiguration, brokers: [BrokerSettings], library: ProfileLibrary, stateDirectory: URL,
                metrics: DaemonMetrics = DaemonMetrics(), logger: Logger = Logger(label: "fleetprint.run"),
                onSummary: (@Sendable (DaemonSummary) -> Void)? = nil) {
        self.configuration = configuration
        self.brokers = brokers
        self.library = library
        self.stateDirectory = stateDirectory
        self.metrics = metrics
        self.logger = logger
        self.onSummary = onSummary
    }

    /// Runs until `stop` yields (a graceful shutdown), then checkpoints and disconnects.
    public func run(until stop: AsyncStream<Void>) async throws {
        let store = try FleetStore(directory: stateDirectory)
        let saved = try store.load()
        var pipeline = FleetPipeline(library: library, limits: decodeLimits, state: try PipelineStateCoding.state(from: saved))
        let (wake, wakeUp) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let journaled = Atomic<Int64>(saved.journalSequence)
        let clients = try await connect(store: store, subscriptions: pipeline.subscriptions) { sequence in
            journaled.store(sequence, ordering: .relaxed)
            wakeUp.yield()
        }
        defer { for client in clients { client.close() } }
        let publisher = OutputPublisher(client: clients[0], store: store, instance: configuration.instance,
                                        alreadyPublished: try store.publishedOrderIDs())
        logger.info("started", metadata: ["kinds": "\(library.profiles.count)", "state": "\(store.file.path)",
                                          "journal_from": "\(saved.journalSequence)", "instance": "\(configuration.instance)"])

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
        var deadLetterLog = LogRateLimiter(perSecond: 5)
        let model = LedgerModel(library: library)
        for await _ in wake {
            while true {
                let batch = try store.journal(after: sequence, limit: 1000)
                for entry in batch {
                    let output = pipeline.ingest(topic: entry.topic, payload: entry.payload, receivedAt: Date(timeIntervalSince1970: entry.receivedAt))
                    orderRecords += try publisher.publish(output)
                    log(output, limiter: &deadLetterLog)
                    sequence = entry.sequence
                }
                clock.count(batch.count)
                if let last = batch.last {
                    record(pipeline.state, backlog: journaled.load(ordering: .relaxed) - sequence, lag: Date().timeIntervalSince1970 - last.receivedAt)
                }
                if batch.count < 1000 { break }
            }
            if clock.checkpointDue() {
                try checkpoint(&pipeline, orders: &orderRecords, through: sequence, store: store)
            }
            if clock.summaryDue() {
                let started = ContinuousClock.now
                pipeline.addCompute(cpuSeconds: clock.cpuSecondsSinceLastCall())
                report(summary(of: pipeline.state, model: model, rate: clock.messagesPerSecond()), publisher)
                let took = ContinuousClock.now - started
                clock.summaryTook(Double(took.components.seconds) + Double(took.components.attoseconds) / 1e18)
            }
        }
        pipeline.addCompute(cpuSeconds: clock.cpuSecondsSinceLastCall())
        try checkpoint(&pipeline, orders: &orderRecords, through: sequence, store: store)
        report(summary(of: pipeline.state, model: model, rate: clock.messagesPerSecond()), publisher)
        try await clients[0].waitForPublished(timeout: .seconds(5))
        let counters = pipeline.state.counters
        logger.info("stopped", metadata: ["journal": "\(sequence)", "messages": "\(counters.messages)",
                                          "work_orders": "\(counters.workOrdersIssued)", "dead_letters": "\(counters.deadLettersTotal)"])
    }

    private func report(_ summary: DaemonSummary, _ publisher: OutputPublisher) {
        publisher.publishSummary(summary)
        onSummary?(summary)
    }

    private func record(_ state: PipelineState, backlog: Int64, lag: Double) {
        metrics.update { snapshot in
            snapshot.counters = state.counters
            snapshot.devices = state.devices.count
            snapshot.openWorkOrders = state.counters.workOrdersIssued - state.counters.workOrdersClosed
            snapshot.queueDepth = max(0, backlog)
            snapshot.lagSeconds = lag
        }
    }

    /// Work orders at info; dead letters at warning, at most a few a second, with a tally of the rest.
    private func log(_ output: PipelineOutput, limiter: inout LogRateLimiter) {
        for order in output.escalatedOrders {
            logger.warning("work order escalated", metadata: ["id": "\(order.id)", "reason": "\(order.reason ?? "-")", "due": "\(order.due.map { "\($0)" } ?? "-")"])
        }
        for order in output.workOrders {
            logger.info("work order", metadata: ["id": "\(order.id)", "rule": "\(order.rule)", "priority": "\(order.priority.rawValue)", "kit": "\(order.kit ?? "-")"])
        }
        for letter in output.deadLetters {
            let (allowed, suppressed) = limiter.admit()
            guard allowed else { continue }
            logger.warning("dead letter", metadata: ["reason": "\(letter.reason)", "topic": "\(letter.topic)", "detail": "\(letter.detail)",
                                                     "suppressed_before": "\(suppressed)"])
        }
    }

    private var decodeLimits: DecodeLimits {
        DecodeLimits(maxPayloadBytes: Int((configuration.limits.maxPayload.value(in: .byte) ?? 65_536).rounded()),
                     maxAge: configuration.limits.maxAge.baseValue,
                     maxLead: configuration.limits.maxFutureSkew.baseValue)
    }

    /// One persistent-session client per broker, each journaling what it receives.
    private func connect(store: FleetStore, subscriptions: [String], journaled: @escaping @Sendable (Int64) -> Void) async throws -> [MQTTClient] {
        var clients: [MQTTClient] = []
        for (index, broker) in brokers.enumerated() {
            var settings = broker
            settings.persistentSession = true
            settings.clientID = settings.clientID ?? "fleetprint-\(configuration.instance)" + (index == 0 ? "" : "-\(index)")
            let logger = self.logger
            let client = try MQTTClient(try settings.mqttConfiguration()) { message in
                do {
                    journaled(try store.append(JournalEntry(topic: message.topic, payload: message.payload, receivedAt: Date().timeIntervalSince1970)))
                } catch {
                    logger.error("cannot journal a message", metadata: ["topic": "\(message.topic)", "error": "\(error)"])
                }
            }
            try await client.connect()
            try await client.subscribe(subscriptions.map { TopicSubscription($0, qos: .atLeastOnce) })
            logger.info("subscribed", metadata: ["broker": "\(client.configuration.broker)", "filters": "\(subscriptions.joined(separator: " "))"])
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
