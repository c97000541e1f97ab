import FleetModel
import Foundation

/// The daemon's entry point for a received message: route the topic to a kind and device,
/// then decode the payload with that kind's codec. One value per shard, shared read-only.
public struct TelemetryDecoder: Sendable {
    public let router: TopicRouter
    public let limits: DecodeLimits
    private let codecs: [String: PayloadCodec]

    public init(profiles: [DeviceProfile], limits: DecodeLimits = DecodeLimits()) {
        router = TopicRouter(profiles: profiles)
        self.limits = limits
        codecs = Dictionary(profiles.map { ($0.kind, PayloadCodec(profile: $0)) }, uniquingKeysWith: { first, _ in first })
    }

    public init(library: ProfileLibrary, limits: DecodeLimits = DecodeLimits()) {
        self.init(profiles: library.profiles, limits: limits)
    }

    public func codec(for kind: String) -> PayloadCodec? { codecs[kind] }

    /// Routes and decodes; every rejection carries a `DecodeReason` for the dead-letter topic.
    public func decode(topic: String, payload: [UInt8], reference: Date? = nil, receivedAt: Date? = nil) throws(DecodeFailure) -> DecodedMessage {
        let message = try parse(topic: topic, payload: payload)
        try check(message, reference: reference, receivedAt: receivedAt)
        return message
    }

    /// Routes and parses: everything `decode` does that depends on the message alone.
    public func parse(topic: String, payload: [UInt8]) throws(DecodeFailure) -> DecodedMessage {
        try limits.checkSize(of: payload)
        guard let address = router.route(topic) else { throw DecodeFailure(.unknownTopic, "no profile declares topic '\(topic)'") }
        return try parseSized(payload, at: address)
    }

    /// Parses for the address its topic was routed to already (a partitioned daemon routes first,
    /// to drop other partitions' devices before decoding), so the topic is matched once.
    public func parse(_ payload: [UInt8], at address: DeviceAddress) throws(DecodeFailure) -> DecodedMessage {
        try limits.checkSize(of: payload)
        return try parseSized(payload, at: address)
    }

    private func parseSized(_ payload: [UInt8], at address: DeviceAddress) throws(DecodeFailure) -> DecodedMessage {
        guard let codec = codecs[address.kind] else { throw DecodeFailure(.unknownKind, "no profile for kind '\(address.kind)'") }
        if let problem = DeviceID.problem(address.device, maxBytes: limits.maxDeviceIDBytes) { throw DecodeFailure(.badDeviceID, problem) }
        return try codec.parseSized(payload, device: address.device)
    }

    /// The rest of `decode`: a parsed message's time against the fleet's event time.
    public func check(_ message: DecodedMessage, reference: Date?, receivedAt: Date?) throws(DecodeFailure) {
        try PayloadCodec.check(message, reference: reference, receivedAt: receivedAt, limits: limits)
    }

    /// Decodes for a known address (a replay file that stores kind and device).
    public func decode(_ payload: [UInt8], from address: DeviceAddress, reference: Date? = nil, receivedAt: Date? = nil) throws(DecodeFailure) -> DecodedMessage {
        guard let codec = codecs[address.kind] else { throw DecodeFailure(.unknownKind, "no profile for kind '\(address.kind)'") }
        return try codec.decode(payload, device: address.device, reference: reference, receivedAt: receivedAt, limits: limits)
    }
}
