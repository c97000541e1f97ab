import CMosquitto
import CReadAhead
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// The Swift side of one libmosquitto handle: the object libmosquitto's callbacks reach through
/// their `void *obj`. It is retained for as long as the handle exists and released after
/// `mosquitto_destroy`, so a callback never finds it freed.
///
/// Callbacks run on libmosquitto's network thread; everything here is either immutable, a Mutex,
/// an Atomic or an AsyncStream continuation (which is thread-safe).
final class ClientSession: Sendable {
    struct Status {
        var connection: ConnectionState = .connecting
        var subscriptions: [TopicSubscription] = []
        /// Set until the first CONNACK arrives, so `connect()` learns whether the broker accepted us.
        var firstConnack: CheckedContinuation<Void, any Error>?
        var firstConnackResult: Result<Void, MQTTError>?
        /// Whether the broker still had our persistent session at the first CONNACK.
        var sessionPresent = false
        /// The last few error lines libmosquitto logged (OpenSSL spreads one failure over several).
        var recentErrors: [String] = []
        var lastError: String? { recentErrors.isEmpty ? nil : recentErrors.joined(separator: "; ") }

        mutating func noteError(_ text: String) {
            recentErrors = Array((recentErrors + [text]).suffix(3))
        }
    }

    let protocolVersion: MQTTProtocolVersion
    let broker: String
    let messages: AsyncStream<MQTTMessage>
    let connectionStates: AsyncStream<ConnectionState>
    let subacks = PendingReplies<[Int32]>()
    let status = Mutex(Status())
    let received = Atomic<Int>(0)
    let dropped = Atomic<Int>(0)
    let published = Atomic<Int>(0)
    let acknowledged = Atomic<Int>(0)
    /// What to do when the broker acknowledges a QoS 1/2 publish, by message id (`MQTTClient.publish`).
    let acknowledgementHandlers = Mutex<[Int32: @Sendable (PublishAcknowledgement) -> Void]>([:])
    /// Set once `onReceive` refused a message and the network thread parked (see `refuse`).
    let refused = Atomic<Bool>(false)
    private let messageSink: AsyncStream<MQTTMessage>.Continuation
    private let stateSink: AsyncStream<ConnectionState>.Continuation

    /// Runs on libmosquitto's thread for each message, before it is buffered (see `MQTTClient.init`).
    let onReceive: (@Sendable (MQTTMessage) throws -> Void)?
    /// Whether the network thread reads its plain TCP socket through the read-ahead buffer
    /// (`read_ahead.h`): a TLS socket is read by OpenSSL, which is left as it is.
    let readsAhead: Bool

    init(broker: String, protocolVersion: MQTTProtocolVersion, capacity: Int, readsAhead: Bool, onReceive: (@Sendable (MQTTMessage) throws -> Void)?) {
        self.broker = broker
        self.readsAhead = readsAhead
        self.onReceive = onReceive
        self.protocolVersion = protocolVersion
        (messages, messageSink) = AsyncStream.makeStream(of: MQTTMessage.self, bufferingPolicy: .bufferingOldest(capacity))
        (connectionStates, stateSink) = AsyncStream.makeStream(of: ConnectionState.self, bufferingPolicy: .bufferingNewest(64))
    }

    static func from(_ pointer: UnsafeMutableRawPointer?) -> ClientSession? {
        pointer.map { Unmanaged<ClientSession>.fromOpaque($0).takeUnretainedValue() }
    }

    // MARK: Callbacks (libmosquitto's thread)

    func didConnect(_ handle: OpaquePointer?, code: Int32, sessionPresent: Bool) {
        guard code == 0 else {
            let reason = refusalText(code)
            let wasFirst = status.withLock { status in
                status.noteError(reason)
                return status.firstConnackResult == nil
            }
            if wasFirst {
                // The broker said no (bad password, say): stop retrying and let connect() report it.
                mosquitto_disconnect(handle)
                settleFirstConnack(.failure(.connectionRefused(broker: broker, reason: reason)))
            }
            setConnection(.disconnected(reason: reason))
            return
        }
        let resubscribe = status.withLock { sessionPresent ? [] : $0.subscriptions }
        for subscription in resubscribe {
            mosquitto_subscribe(handle, nil, subscription.filter, subscription.qos.rawValue)
        }
        status.withLock { if $0.firstConnackResult == nil { $0.sessionPresent = sessionPresent } }
        if readsAhead { fleetprint_read_ahead_attach(mosquitto_socket(handle)) }
        // Connected, libmosquitto would format a debug line for every packet (two per message
        // received) just for us to skip it: stop listening until the connection is lost.
        mosquitto_log_callback_set(handle, nil)
        setConnection(.connected)
        settleFirstConnack(.success(()))
    }

    func didDisconnect(_ handle: OpaquePointer?, code: Int32) {
        // The socket is closed: what the read-ahead still holds was never acknowledged.
        fleetprint_read_ahead_detach()
        // Reconnecting, its errors (a TLS failure, say) are worth hearing again.
        mosquitto_log_callback_set(handle, Self.logCallback)
        let reason = code == 0 ? "disconnected by the client" : String(cString: mosquitto_strerror(code))
        status.withLock { if code != 0 { $0.noteError(reason) } }
        setConnection(.disconnected(reason: reason))
    }

    func didReceive(_ handle: OpaquePointer?, _ message: UnsafePointer<mosquitto_message>) {
        let raw = message.pointee
        let payload = raw.payloadlen > 0 && raw.payload != nil
            ? [UInt8](UnsafeRawBufferPointer(start: raw.payload, count: Int(raw.payloadlen)))
            : []
        let copy = MQTTMessage(
            topic: String(cString: raw.topic),
            payload: payload,
            qos: QoS(rawValue: raw.qos) ?? .atMostOnce,
            retain: raw.retain
        )
        received.add(1, ordering: .relaxed)
        if let onReceive {
            do {
                try onReceive(copy)
            } catch {
                refuse(handle, because: error)
            }
            return
        }
        if case .dropped = messageSink.yield(copy) {
            dropped.add(1, ordering: .relaxed)
        }
    }

    /// The receiver could not keep a message (its journal failed). libmosquitto acknowledges a
    /// QoS 1 message when this callback returns, so it must never return: the connection is cut
    /// under it (the broker keeps the message for the persistent session, unacknowledged) and this
    /// network thread parks for the rest of the process's life. The receiver reports the error.
    private func refuse(_ handle: OpaquePointer?, because error: any Error) -> Never {
        refused.store(true, ordering: .sequentiallyConsistent)
        let socket = mosquitto_socket(handle)
        if socket >= 0 { shutdown(socket, Int32(SHUT_RDWR)) }
        status.withLock { $0.noteError("refused a message: \(error)") }
        setConnection(.disconnected(reason: "refused a message: \(error)"))
        while true { sleep(3600) }
    }

    func didSubscribe(messageID: Int32, grantedQoS: [Int32]) {
        subacks.deliver(grantedQoS, for: messageID)
    }

    /// `reasonCode` is MQTT 5's (0 with MQTT 3.1.1): 0x80 and above is a refusal.
    func didPublish(messageID: Int32, reasonCode: Int32) {
        acknowledged.add(1, ordering: .relaxed)
        let answer: PublishAcknowledgement = reasonCode < 0x80 ? .accepted : .refused(reason: String(cString: mosquitto_reason_string(reasonCode)))
        acknowledgementHandlers.withLock { $0.removeValue(forKey: messageID) }?(answer)
    }

    /// Keeps libmosquitto's error lines (OpenSSL's reasons among them) for connect errors.
    static let logCallback: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, Int32, UnsafePointer<CChar>?) -> Void = { _, context, level, text in
        guard let text, level & Int32(MOSQ_LOG_ERR) != 0 else { return }
        from(context)?.status.withLock { $0.noteError(String(cString: text)) }
    }

    // MARK: Caller side

    func awaitFirstConnack(timeout: Duration) async throws {
        let timer = Task {
            try await Task.sleep(for: timeout)
            let lastError = self.status.withLock { $0.lastError }
            self.settleFirstConnack(.failure(.connectTimeout(broker: broker, seconds: timeout.seconds, lastError: lastError)))
        }
        defer { timer.cancel() }
        try await withCheckedThrowingContinuation { continuation in
            let settled: Result<Void, MQTTError>? = status.withLock { status in
                if let result = status.firstConnackResult { return result }
                status.firstConnack = continuation
                return nil
            }
            if let settled { continuation.resume(with: settled) }
        }
    }

    func remember(_ subscription: TopicSubscription) {
        status.withLock { status in
            status.subscriptions.removeAll { $0.filter == subscription.filter }
            status.subscriptions.append(subscription)
        }
    }

    func finish() {
        subacks.failAll(with: .closed)
        settleFirstConnack(.failure(.closed))
        setConnection(.closed)
        messageSink.finish()
        stateSink.finish()
    }

    private func settleFirstConnack(_ result: Result<Void, MQTTError>) {
        let waiter = status.withLock { status -> CheckedContinuation<Void, any Error>? in
            guard status.firstConnackResult == nil else { return nil }
            status.firstConnackResult = result
            defer { status.firstConnack = nil }
            return status.firstConnack
        }
        waiter?.resume(with: result)
    }

    private func setConnection(_ state: ConnectionState) {
        let changed = status.withLock { status in
            guard status.connection != state, status.connection != .closed else { return false }
            status.connection = state
            return true
        }
        if changed { stateSink.yield(state) }
    }

    private func refusalText(_ code: Int32) -> String {
        switch protocolVersion {
        case .v311: String(cString: mosquitto_connack_string(code))
        case .v5: String(cString: mosquitto_reason_string(code))
        }
    }
}
