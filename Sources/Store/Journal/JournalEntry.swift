import Foundation

/// One message as it came off the wire, written before it is processed, so that a killed daemon
/// replays what the broker already considers delivered.
public struct JournalEntry: Sendable, Equatable {
    /// Set by the store when the entry is written; orders the replay.
    public var sequence: Int64
    public var topic: String
    public var payload: [UInt8]
    /// Wall-clock arrival, seconds since 1970; kept for lag metrics, never for rules.
    public var receivedAt: Double

    public init(sequence: Int64 = 0, topic: String, payload: [UInt8], receivedAt: Double) {
        self.sequence = sequence
        self.topic = topic
        self.payload = payload
        self.receivedAt = receivedAt
    }
}
