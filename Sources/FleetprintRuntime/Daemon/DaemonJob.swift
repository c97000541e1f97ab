import FleetModel
import Foundation
import Impact
import Logging
import MQTT
import Pipeline
import Store
import Synchronization
import Telemetry

/// `fleetprint run`: subscribes, journals every message before the broker may count it as
/// delivered, runs the pipeline on a thread of its own, publishes work orders, dead letters and
/// the retained impact summary, and checkpoints.
///
/// Two threads share the work: libmosquitto's network thread receives, appends to the journal
/// (`MessageJournal`, a copy into its mapped segment) and hands the message over in memory
/// (`IntakeQueue`, bounded, so a backlog drains in constant memory); the pipeline thread
/// (`DaemonLoop`) parses it and owns the fleet's state. The journal is read only after a crash: a restart loads
/// the last checkpoint and replays the journal after it; the ids of published work orders keep a
/// replay from publishing an order twice.
public struct DaemonJob: Sendable {
    public var configuration: DaemonConfiguration
    public var brokers: [BrokerSettings]
    public var library: ProfileLibrary
    public var stateDirectory: URL
    /// Where the journal's segments go; `<state>/journal` unless set (a faster disk, say).
    public var journalDirectory: URL
    public var metrics: DaemonMetrics
    public var logger: Logger
    /// Also receives every summary the daemon publishes (`fleetprint run --dashboard`).
    public var onSummary: (@Sendable (DaemonSummary) -> Void)?
    /// Start even though the state file is empty or not Fleetprint's (`run --init`): a foreign
    /// database is moved aside, never written into.
    public var initializeState = false
    /// Messages the network thread may hand to the pipeline thread ahead of it. A queued message
    /// holds its topic and payload, about 600 bytes: 16,384 of them were 10 MB at the peak of a
    /// flood, where the network thread, faster than the pipeline, refills 4,096 in milliseconds.
    public var intakeCapacity = 4_096
    /// Tells systemd when the daemon is ready, when it stops and that it still works; from the
    /// process's environment, so it is silent unless systemd started the daemon (`Type=notify`).
    public var notifier = SystemdNotifier()

    public init(configuration: DaemonConfiguration, brokers: [BrokerSettings], library: ProfileLibrary, stateDirectory: URL,
                journalDirectory: URL? = nil, metrics: DaemonMetrics = DaemonMetrics(), logger: Logger = Logger(label: "fleetprint.run"),
                onSummary: (@Sendable (DaemonSummary) -> Void)? = nil) {
        self.configuration = configuration
        self.brokers = brokers
        self.library = library
        self.stateDirectory = stateDirectory
        self.journalDirectory = journalDirectory ?? stateDirectory.appendingPathComponent("journal")
        self.metrics = metrics
        self.logger = logger
        self.onSummary = onSummary
    }

    /// Runs until `stop` yields (a graceful shutdown), then checkpoints and disconnects. Throws
    /// when the journal cannot be written: the message that failed was never acknowledged.
    public func run(until stop: AsyncStream<Void>) async throws {
        let locks = try Set([stateDirectory.standardizedFileURL, journalDirectory.standardizedFileURL]).map(StateLock.init)
        defer { withExtendedLifetime(locks) {} }
        let store = try FleetStore(directory: stateDirectory, initialize: initializeState)
        let (restored, journalSequence, withoutProfile) = try PipelineStateCoding.state(from: store, library: library)
        for (kind, devices) in withoutProfile.sorted(by: { $0.key < $1.key }) {
            logger.warning("devices of a kind without a profile are not loaded; their saved state stays in the store until the profile is back",
                           metadata: ["kind": "\(kind)", "devices": "\(devices)"])
        }
        let pipeline = FleetPipeline(library: library, limits: decodeLimits,
                                     deviceLimits: DeviceLimits(maxDevicesPerKind: configuration.limits.maxDevicesPerKind,
                                                                maxNewDevicesPerMinute: configuration.limits.maxNewDevicesPerMinute),
                                     state: consume restored)
        let journal = try MessageJournal(directory: journalDirectory, after: journalSequence)
        defer { journal.close() }
        let firstLive = journal.nextSequence
        let intake = DaemonIntake(journal: journal, queue: IntakeQueue(capacity: intakeCapacity), parser: pipeline.parser, partition: configuration.partition)
        let clients = try await connect(subscriptions: pipeline.subscriptions, intake: intake)
        defer { for client in clients { client.close() } }
        let watchers = clients.map { watchConnection($0) }
        defer { watchers.forEach { $0.cancel() } }
        let publisher = try OutputPublisher(client: clients[0], store: store, instance: configuration.instance, metrics: metrics)
        // The clients first, so that no acceptance comes after its write.
        defer {
            for client in clients { client.close() }
            publisher.finishRecording()
        }
        try publisher.resendOutbox()
        logger.info("started", metadata: ["kinds": "\(library.profiles.count)", "state": "\(store.file.path)", "journal": "\(journal.directory.path)",
                                          "journal_from": "\(journalSequence)", "instance": "\(configuration.instance)"])
        if let partition = configuration.partition { logPartition(partition, state: pipeline.state) }
        // Ready once the state is loaded and every broker has the subscriptions: `systemctl start`
        // then fails when the state or a broker cannot be had, and what is ordered after the unit
        // finds the daemon taking messages. Replaying the journal comes after, under the watchdog
        // (which systemd arms only from READY=1) instead of the start timeout.
        notifier.send("READY=1", "STATUS=subscribed to \(brokers.count) broker\(brokers.count == 1 ? "" : "s")")

        let stopper = Task { [notifier] in
            for await _ in stop {
                notifier.send("STOPPING=1", "STATUS=stopping: last checkpoint and summary")
                break
            }
            intake.queue.close()
        }
        defer { stopper.cancel() }
        // The pipeline thread gets the one copy of the state: one kept here would make it copy
        // each part of a restored fleet on its first change.
        let handover = SoleHandover(DaemonLoop(job: self, store: store, journal: journal, publisher: publisher, pipeline: consume pipeline,
                                               sequence: journalSequence))
        let finished = await Self.onOwnThread { () throws -> DaemonLoop in
            var loop = handover.take()
            let recovered = try loop.recover(before: firstLive)
            if recovered > 0 { logger.info("recovered from the journal", metadata: ["messages": "\(recovered)", "through": "\(loop.sequence)"]) }
            try loop.run(intake.queue)
            return loop
        }
        // However the loop ended, no network thread may stay blocked on a full queue.
        intake.queue.close()
        if let failure = intake.failure {
            throw DaemonError("the journal cannot be written, so the daemon stopped without acknowledging the message it could not keep; "
                              + "nothing the broker counts as delivered is lost. Free the space or fix the folder and start again. \(failure)")
        }
        let loopResult = try finished.get()
        // Briefly: work orders are safe in the outbox either way, and a flood still arriving can
        // hold acknowledgements back; SIGTERM must end well within a checkpoint interval.
        do {
            try await clients[0].waitForPublished(timeout: .seconds(2))
        } catch {
            logger.warning("the broker has not acknowledged every output; work orders stay in the outbox for the next start",
                           metadata: ["unacknowledged": "\(clients[0].unacknowledgedCount)"])
        }
        let counters = loopResult.pipeline.state.counters
        logger.info("stopped", metadata: ["journal": "\(loopResult.sequence)", "messages": "\(counters.messages)",
                                          "work_orders": "\(counters.workOrdersIssued)", "dead_letters": "\(counters.deadLettersTotal)",
                                          "not_owned": "\(intake.notOwned)"])
    }

    /// Says what the partition owns, and warns when the state holds devices it does not (a
    /// state folder carried over from another partition or from an unpartitioned run: those
    /// devices stay in its ledger and summary, but nothing updates them any more).
    private func logPartition(_ partition: Partition, state: PipelineState) {
        logger.info("partition \(partition): owns devices whose hash of kind/id mod \(partition.count) == \(partition.index); drops the rest after the topic match")
        let strangers = state.devices.values.filter { !partition.owns(kind: $0.kind, id: $0.device) }.count
        guard strangers > 0 else { return }
        logger.warning("the state holds devices another partition owns; they are kept but no longer updated: start partition \(partition) on a state folder of its own",
                       metadata: ["devices": "\(strangers)", "state": "\(stateDirectory.path)"])
    }

    /// Logs and counts every loss and return of a broker connection; libmosquitto reconnects by itself.
    private func watchConnection(_ client: MQTTClient) -> Task<Void, Never> {
        let logger = self.logger
        let broker = "\(client.configuration.broker)"
        let metrics = self.metrics.broker(broker, connected: client.connectionState == .connected)
        return Task {
            var lost = false
            for await state in client.connectionStates {
                switch state {
                case .disconnected(let reason):
                    guard !lost else { continue }
                    lost = true
                    metrics.lost()
                    logger.warning("lost the broker; reconnecting, outputs wait", metadata: ["broker": "\(broker)", "reason": "\(reason)"])
                case .connected where lost:
                    lost = false
                    metrics.back()
                    logger.info("broker connection back", metadata: ["broker": "\(broker)"])
                default:
                    continue
                }
            }
        }
    }

    /// Runs `body` on a thread of its own, not on Swift's cooperative pool (it blocks on the intake).
    private static func onOwnThread<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async -> Result<Value, any Error> {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: Result { try body() }) }
            thread.name = "fleetprint-pipeline"
            thread.stackSize = 16 << 20
            thread.start()
        }
    }

    private var decodeLimits: DecodeLimits {
        DecodeLimits(maxPayloadBytes: Int((configuration.limits.maxPayload.value(in: .byte) ?? 65_536).rounded()),
                     maxAge: configuration.limits.maxAge.baseValue,
                     maxLead: configuration.limits.maxFutureSkew.baseValue,
                     maxDeviceIDBytes: configuration.limits.maxDeviceIDLength)
    }

    /// One persistent-session client per broker, each handing what it receives to the intake.
    /// With a session the broker kept, the subscriptions exist already and the queued backlog may
    /// arrive before any SUBACK, so the SUBACK is awaited in the background, never as a condition.
    private func connect(subscriptions: [String], intake: DaemonIntake) async throws -> [MQTTClient] {
        var clients: [MQTTClient] = []
        let filters = subscriptions.map { TopicSubscription($0, qos: .atLeastOnce) }
        for (index, broker) in brokers.enumerated() {
            var settings = broker
            settings.persistentSession = true
            settings.clientID = settings.clientID ?? "fleetprint-\(configuration.instance)" + (index == 0 ? "" : "-\(index)")
            let client = try MQTTClient(try settings.mqttConfiguration()) { try intake.receive($0) }
            try await client.connect()
            let metadata: Logger.Metadata = ["broker": "\(client.configuration.broker)", "filters": "\(subscriptions.joined(separator: " "))",
                                             "session_present": "\(client.sessionPresent)"]
            if client.sessionPresent {
                let logger = self.logger
                Task {
                    do {
                        try await client.subscribe(filters, timeout: .seconds(300))
                        logger.info("the broker confirmed the renewed subscriptions", metadata: ["broker": "\(client.configuration.broker)"])
                    } catch MQTTError.closed {
                        return
                    } catch {
                        logger.warning("the broker has not confirmed the renewed subscriptions; its kept session has them", metadata: ["error": "\(error)"])
                    }
                }
            } else {
                try await client.subscribe(filters)
            }
            logger.info("subscribed", metadata: metadata)
            clients.append(client)
        }
        return clients
    }
}
