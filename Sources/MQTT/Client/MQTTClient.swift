import CMosquitto
import Synchronization

/// A safe client over one libmosquitto handle, running libmosquitto's own network thread.
///
/// Life cycle: `init` (configure) → `connect()` → `subscribe`/`publish`, read `messages` → `close()`.
/// After the first successful connect, a lost connection is retried with exponential backoff and
/// the subscriptions are renewed (unless the broker kept our persistent session).
///
/// `@unchecked Sendable` because of the C boundary: the stored `OpaquePointer` is libmosquitto's
/// handle, which libmosquitto makes safe to use from any thread once its threaded loop runs
/// (`mosquitto_loop_start`). All Swift-side mutable state lives in `ClientSession` behind a Mutex.
public final class MQTTClient: @unchecked Sendable {
    public let configuration: MQTTConfiguration
    private let handle: OpaquePointer
    private let session: ClientSession
    private let retainedSession: Unmanaged<ClientSession>
    private let phase = Mutex(Phase.idle)

    private enum Phase { case idle, running, closed }

    /// `onReceive`, when given, takes every message on libmosquitto's network thread instead of
    /// `messages` (which then stays empty): the place for a write-ahead journal, so that nothing the
    /// broker counts as delivered is lost if the process dies. A QoS 1 message is acknowledged only
    /// after it returns, so it may block to push back on the broker (flow control). If it throws,
    /// the message is never acknowledged: the client drops the connection and its network thread
    /// stops for good (`isRefusing`); the caller then ends the process with its own error.
    public init(_ configuration: MQTTConfiguration, onReceive: (@Sendable (MQTTMessage) throws -> Void)? = nil) throws(MQTTError) {
        MosquittoLibrary.initialize()
        self.configuration = configuration
        let session = ClientSession(
            broker: configuration.broker.description,
            protocolVersion: configuration.protocolVersion,
            capacity: configuration.receiveBufferCapacity,
            readsAhead: configuration.tls == nil,
            onReceive: onReceive
        )
        let retained = Unmanaged.passRetained(session)
        guard let handle = mosquitto_new(configuration.clientID, configuration.cleanSession, retained.toOpaque()) else {
            retained.release()
            throw MQTTError.library("creating the client '\(configuration.clientID)'", Int32(MOSQ_ERR_ERRNO.rawValue))
        }
        self.handle = handle
        self.session = session
        self.retainedSession = retained
        do {
            try configure()
        } catch {
            mosquitto_destroy(handle)
            retained.release()
            throw error
        }
    }

    deinit {
        close()
    }

    /// Received messages, in arrival order, buffered up to `receiveBufferCapacity`. One consumer.
    public var messages: AsyncStream<MQTTMessage> { session.messages }

    /// Every change of the connection state, newest kept when the reader lags. One consumer.
    public var connectionStates: AsyncStream<ConnectionState> { session.connectionStates }

    public var connectionState: ConnectionState { session.status.withLock { $0.connection } }

    /// Whether the broker had kept our persistent session at the first connect: its subscriptions
    /// exist already, and messages queued while we were away may arrive before any SUBACK.
    public var sessionPresent: Bool { session.status.withLock { $0.sessionPresent } }

    /// Whether `onReceive` refused a message, so the network thread is parked and the connection cut.
    public var isRefusing: Bool { session.refused.load(ordering: .sequentiallyConsistent) }

    /// Messages received from the broker since start, including dropped ones.
    public var receivedCount: Int { session.received.load(ordering: .relaxed) }

    /// Messages dropped because the consumer of `messages` fell behind by more than the buffer.
    public var droppedCount: Int { session.dropped.load(ordering: .relaxed) }

    /// Opens the connection and waits for the broker's CONNACK, at most `connectTimeout`.
    /// A refusal (a wrong password, say) or no answer throws and closes the client; make a new one to retry.
    public func connect() async throws {
        do {
            try start()
            try await session.awaitFirstConnack(timeout: configuration.connectTimeout)
        } catch {
            close(forcing: true)
            throw error
        }
    }

    private func start() throws {
        try phase.withLock { phase in
            switch phase {
            case .closed: throw MQTTError.closed
            case .running: return
            case .idle: phase = .running
            }
            let broker = configuration.broker
            let code = configuration.protocolVersion == .v5 && !configuration.cleanSession
                ? connectKeepingSession(broker)
                : mosquitto_connect_async(handle, broker.host, Int32(broker.port), Int32(configuration.keepAliveSeconds))
            guard code == Int32(MOSQ_ERR_SUCCESS.rawValue) else {
                // A TLS failure happens right here; its reason is only in what libmosquitto logged.
                throw MQTTError.library("connecting to \(broker)", code, context: session.status.withLock { $0.lastError })
            }
            try check(mosquitto_loop_start(handle), "starting the network thread")
        }
    }

    /// MQTT 5 ends a session at disconnect unless CONNECT asks for it to be kept (MQTT 3.1.1 keeps
    /// it by `cleanSession` alone), so a persistent session asks for it never to expire. libmosquitto
    /// keeps these properties for its reconnects. Its TCP connect blocks, unlike the 3.1.1 path.
    private func connectKeepingSession(_ broker: BrokerURL) -> Int32 {
        var properties: OpaquePointer?
        defer { mosquitto_property_free_all(&properties) }
        let added = mosquitto_property_add_int32(&properties, Int32(MQTT_PROP_SESSION_EXPIRY_INTERVAL.rawValue), UInt32.max)
        guard added == Int32(MOSQ_ERR_SUCCESS.rawValue) else { return added }
        return mosquitto_connect_bind_v5(handle, broker.host, Int32(broker.port), Int32(configuration.keepAliveSeconds), nil, properties)
    }

    /// Subscribes and waits for the broker's SUBACK of each filter. The filters are renewed on reconnect.
    public func subscribe(_ subscriptions: [TopicSubscription], timeout: Duration = .seconds(10)) async throws {
        for subscription in subscriptions {
            var messageID: Int32 = 0
            try check(mosquitto_subscribe(handle, &messageID, subscription.filter, subscription.qos.rawValue), "subscribing to '\(subscription.filter)'")
            session.remember(subscription)
            let granted = try await session.subacks.wait(for: messageID, timeout: timeout, operation: "subscribing to '\(subscription.filter)'")
            if granted.contains(where: { $0 >= 0x80 }) {
                throw MQTTError.subscriptionRejected(filter: subscription.filter)
            }
        }
    }

    /// Queues a message for sending; libmosquitto delivers it (and retries QoS 1/2) on its thread.
    /// While the connection is down, a QoS 1/2 message is kept and sent once it is back (this
    /// process must live that long: a caller that must not lose it keeps it durably until
    /// `onAcknowledged`); a QoS 0 one throws. `onAcknowledged` runs on the network thread once the
    /// broker has answered it (QoS 1/2; for QoS 0, once it has left): the moment to record that
    /// an output really went out, or (MQTT 5) that the broker refused it.
    public func publish(topic: String, payload: some Collection<UInt8>, qos: QoS = .atMostOnce, retain: Bool = false,
                        onAcknowledged: (@Sendable (PublishAcknowledgement) -> Void)? = nil) throws(MQTTError) {
        let kept = { (code: Int32) in
            code == Int32(MOSQ_ERR_SUCCESS.rawValue) || (code == Int32(MOSQ_ERR_NO_CONN.rawValue) && qos != .atMostOnce)
        }
        // Registered under the lock that the acknowledgement callback takes, so even an
        // acknowledgement that comes back at once finds its handler.
        let code = session.acknowledgementHandlers.withLock { handlers in
            var messageID: Int32 = 0
            let code = payload.withContiguousStorageIfAvailable { bytes in
                mosquitto_publish(handle, &messageID, topic, Int32(bytes.count), bytes.baseAddress, qos.rawValue, retain)
            } ?? Array(payload).withUnsafeBytes { bytes in
                mosquitto_publish(handle, &messageID, topic, Int32(bytes.count), bytes.baseAddress, qos.rawValue, retain)
            }
            if kept(code), let onAcknowledged { handlers[messageID] = onAcknowledged }
            return code
        }
        guard kept(code) else { throw MQTTError.library("publishing to '\(topic)'", code) }
        session.published.add(1, ordering: .relaxed)
    }

    /// Messages published and not yet acknowledged (or, QoS 0, not yet sent).
    public var unacknowledgedCount: Int {
        session.published.load(ordering: .relaxed) - session.acknowledged.load(ordering: .relaxed)
    }

    public func publish(topic: String, text: String, qos: QoS = .atMostOnce, retain: Bool = false) throws(MQTTError) {
        try publish(topic: topic, payload: Array(text.utf8), qos: qos, retain: retain)
    }

    /// Waits until every message published so far has left (QoS 0) or been acknowledged (QoS 1/2),
    /// but for at most `leaving` still under way: a publisher that keeps libmosquitto's queue short
    /// this way stays fast (it looks each acknowledgement up in that queue).
    public func waitForPublished(leaving limit: Int = 0, timeout: Duration = .seconds(30)) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while session.published.load(ordering: .relaxed) - session.acknowledged.load(ordering: .relaxed) > limit {
            guard clock.now < deadline else {
                throw MQTTError.timeout(operation: "delivering published messages", seconds: timeout.seconds)
            }
            try await Task.sleep(for: .microseconds(limit > 0 ? 200 : 2000))
        }
    }

    /// Disconnects, stops the network thread, destroys the handle and then releases the session the
    /// callbacks point at, in that order. Safe to call more than once.
    public func close() {
        close(forcing: false)
    }

    private func close(forcing: Bool) {
        let wasRunning = phase.withLock { phase in
            defer { phase = .closed }
            return phase == .running ? true : (phase == .idle ? false : nil)
        }
        guard let wasRunning else { return }
        guard !isRefusing else {
            // The network thread is parked inside a callback and must never return (it would
            // acknowledge the refused message): leave the handle to the process's exit.
            session.finish()
            return
        }
        if wasRunning {
            mosquitto_disconnect(handle)
            // A thread stuck in a blocking TCP connect to an unreachable host cannot be woken; cancel it.
            mosquitto_loop_stop(handle, forcing)
        }
        mosquitto_destroy(handle)
        session.finish()
        retainedSession.release()
    }

    private func configure() throws(MQTTError) {
        let c = configuration
        try check(mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION, c.protocolVersion.mosquittoValue), "setting MQTT \(c.protocolVersion.rawValue)")
        if c.username != nil || c.password != nil {
            try check(mosquitto_username_pw_set(handle, c.username, c.password?.value), "setting the user name and password")
        }
        if let tls = c.tls, c.broker.usesTLS {
            try check(mosquitto_tls_set(handle, tls.caFile, nil, tls.certificateFile, tls.keyFile, nil), "setting up TLS with CA file \(tls.caFile)")
        }
        let initial = max(1, UInt32(c.reconnectDelay.initial.seconds.rounded()))
        let maximum = max(initial, UInt32(c.reconnectDelay.maximum.seconds.rounded()))
        try check(mosquitto_reconnect_delay_set(handle, initial, maximum, true), "setting the reconnect delay")
        try check(mosquitto_max_inflight_messages_set(handle, UInt32(c.maxInflightMessages)), "setting the in-flight limit")
        installCallbacks()
    }

    private func installCallbacks() {
        mosquitto_connect_with_flags_callback_set(handle) { handle, context, code, flags in
            ClientSession.from(context)?.didConnect(handle, code: code, sessionPresent: flags & 1 != 0)
        }
        mosquitto_disconnect_callback_set(handle) { handle, context, code in
            ClientSession.from(context)?.didDisconnect(handle, code: code)
        }
        mosquitto_message_callback_set(handle) { handle, context, message in
            guard let message else { return }
            ClientSession.from(context)?.didReceive(handle, message)
        }
        mosquitto_subscribe_callback_set(handle) { _, context, messageID, count, granted in
            let grantedQoS = granted.map { Array(UnsafeBufferPointer(start: $0, count: Int(count))) } ?? []
            ClientSession.from(context)?.didSubscribe(messageID: messageID, grantedQoS: grantedQoS)
        }
        mosquitto_publish_v5_callback_set(handle) { _, context, messageID, reasonCode, _ in
            ClientSession.from(context)?.didPublish(messageID: messageID, reasonCode: reasonCode)
        }
        mosquitto_log_callback_set(handle, ClientSession.logCallback)
    }

    private func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(MQTTError) {
        guard code == Int32(MOSQ_ERR_SUCCESS.rawValue) else { throw MQTTError.library(operation(), code) }
    }
}
