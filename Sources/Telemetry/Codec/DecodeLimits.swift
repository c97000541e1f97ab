import Foundation

/// Bounds that keep one bad or hostile device from costing memory or time, and that reject
/// timestamps a broken device clock produces.
public struct DecodeLimits: Sendable, Hashable {
    /// Payloads over this size are rejected unread (bounded work per message).
    public var maxPayloadBytes: Int
    /// How far an event may lie behind the reference time (a replayed backlog is fine, a clock reset to 1970 is not).
    public var maxAge: TimeInterval
    /// How far an event may lie ahead of the reference time.
    public var maxLead: TimeInterval
    /// Longest device id, in bytes; ids are also limited to `DeviceID.isAllowed`'s characters.
    public var maxDeviceIDBytes: Int

    public init(maxPayloadBytes: Int = 4096, maxAge: TimeInterval = 30 * 86_400, maxLead: TimeInterval = 3600, maxDeviceIDBytes: Int = 64) {
        self.maxPayloadBytes = maxPayloadBytes
        self.maxAge = maxAge
        self.maxLead = maxLead
        self.maxDeviceIDBytes = maxDeviceIDBytes
    }

    /// A payload over `maxPayloadBytes` is refused before anything else looks at it.
    func checkSize(of payload: [UInt8]) throws(DecodeFailure) {
        guard payload.count <= maxPayloadBytes else { throw DecodeFailure(.tooLarge, "\(payload.count) bytes, limit \(maxPayloadBytes)") }
    }
}
