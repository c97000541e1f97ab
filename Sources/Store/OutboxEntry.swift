/// A work order (or its escalation) waiting for the broker's acknowledgement: kept in the state
/// so that a restart sends again what the broker never confirmed.
public struct OutboxEntry: Sendable, Equatable {
    /// The order's publication mark: its id, with a suffix for an escalation.
    public var mark: String
    public var topic: String
    public var payload: [UInt8]

    public init(mark: String, topic: String, payload: [UInt8]) {
        self.mark = mark
        self.topic = topic
        self.payload = payload
    }
}
