/// A rejected message: the reason (for the dead-letter topic and counters) and a short detail
/// for a rate-limited log line. Thrown with typed throws so the hot path allocates no existential.
public struct DecodeFailure: Error, Sendable, Hashable {
    public var reason: DecodeReason
    /// The payload field involved, when there is one.
    public var field: String?
    public var detail: String

    public init(_ reason: DecodeReason, field: String? = nil, _ detail: String = "") {
        self.reason = reason
        self.field = field
        self.detail = detail
    }
}
