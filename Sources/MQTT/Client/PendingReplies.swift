import Synchronization

/// Waiters for broker replies keyed by message id (SUBACK for a subscribe, say).
///
/// A reply can arrive on libmosquitto's thread before the caller has started waiting for it,
/// so early replies are parked and handed over when the wait begins.
final class PendingReplies<Value: Sendable>: Sendable {
    private struct Table {
        var waiting: [Int32: CheckedContinuation<Value, any Error>] = [:]
        var early: [Int32: Value] = [:]
        var failure: MQTTError?
    }

    private let table = Mutex(Table())

    func wait(for id: Int32, timeout: Duration, operation: String) async throws -> Value {
        let timer = Task {
            try await Task.sleep(for: timeout)
            self.fail(id, with: .timeout(operation: operation, seconds: timeout.seconds))
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let ready: Result<Value, MQTTError>? = table.withLock { table in
                if let value = table.early.removeValue(forKey: id) { return .success(value) }
                if let failure = table.failure { return .failure(failure) }
                table.waiting[id] = continuation
                return nil
            }
            if let ready { continuation.resume(with: ready) }
        }
    }

    func deliver(_ value: Value, for id: Int32) {
        let waiter = table.withLock { table in
            guard let waiter = table.waiting.removeValue(forKey: id) else {
                table.early[id] = value
                return nil as CheckedContinuation<Value, any Error>?
            }
            return waiter
        }
        waiter?.resume(returning: value)
    }

    /// Fails every current and future wait; used when the client closes.
    func failAll(with error: MQTTError) {
        let waiters = table.withLock { table in
            table.failure = error
            defer { table.waiting = [:] }
            return Array(table.waiting.values)
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }

    private func fail(_ id: Int32, with error: MQTTError) {
        table.withLock { $0.waiting.removeValue(forKey: id) }?.resume(throwing: error)
    }
}
