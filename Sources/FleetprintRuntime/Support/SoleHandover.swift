import Synchronization

/// Passes a value to another thread without keeping a copy of it. A copy kept (a closure's
/// capture, a binding still alive in the caller) shares the value's buffers, so on the other side
/// every first change of a buffer copies it: a restarted daemon's restored fleet grew towards
/// twice its size as its devices reported.
final class SoleHandover<Value: Sendable>: Sendable {
    private let slot: Mutex<Value?>

    init(_ value: consuming Value) {
        slot = Mutex(value)
    }

    /// The value, once; the handover keeps nothing of it.
    func take() -> Value {
        slot.withLock { value in
            guard let taken = value.take() else { preconditionFailure("a value handed over twice") }
            return taken
        }
    }
}
