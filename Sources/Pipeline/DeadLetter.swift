import FleetModel
import Foundation

/// A rejected message as published on `fleetprint/deadletter/<reason>`: the original topic, the
/// payload's size and its first `excerptBytes` (text when it is UTF-8, base64 otherwise), the
/// reason and what was wrong. Only an excerpt, so a 10 MB message is not published back whole.
public struct DeadLetter: Sendable, Equatable, Codable, VersionedContract {
    /// As published (docs/schemas/dead-letter.schema.json).
    public static let schemaVersion = "fleetprint.dead-letter/1"

    public var reason: DeadLetterReason
    public var topic: String
    public var detail: String
    public var field: String?
    public var payload: String?
    public var payloadBase64: String?
    /// The whole payload's size in bytes.
    public var payloadBytes: Int
    /// Set when `payload` (or `payload_base64`) holds only the first `excerptBytes`.
    public var truncated: Bool?

    public static let excerptBytes = 1_024

    public init(reason: DeadLetterReason, topic: String, detail: String, field: String?, payload: [UInt8]) {
        self.reason = reason
        self.topic = topic
        self.detail = detail
        self.field = field
        payloadBytes = payload.count
        let excerpt = payload.prefix(Self.excerptBytes)
        truncated = excerpt.count < payload.count ? true : nil
        // A cut may split a UTF-8 character: drop its start rather than fall back to base64.
        let text = (0...3).lazy.compactMap { String(validating: excerpt.dropLast($0), as: UTF8.self) }.first
        if let text, truncated == true || text.utf8.count == excerpt.count {
            self.payload = text
        } else {
            payloadBase64 = Data(excerpt).base64EncodedString()
        }
    }

    enum CodingKeys: String, CodingKey {
        case reason, topic, detail, field, payload, truncated
        case payloadBase64 = "payload_base64"
        case payloadBytes = "payload_bytes"
    }
}
