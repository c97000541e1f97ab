import Foundation

/// A rejected message as published on `fleetprint/deadletter/<reason>`: the original topic and
/// payload (text when it is UTF-8, base64 otherwise), the reason and what was wrong.
public struct DeadLetter: Sendable, Equatable, Codable {
    public var reason: DeadLetterReason
    public var topic: String
    public var detail: String
    public var field: String?
    public var payload: String?
    public var payloadBase64: String?

    public init(reason: DeadLetterReason, topic: String, detail: String, field: String?, payload: [UInt8]) {
        self.reason = reason
        self.topic = topic
        self.detail = detail
        self.field = field
        if let text = String(validating: payload, as: UTF8.self) {
            self.payload = text
        } else {
            payloadBase64 = Data(payload).base64EncodedString()
        }
    }

    enum CodingKeys: String, CodingKey {
        case reason, topic, detail, field, payload
        case payloadBase64 = "payload_base64"
    }
}
