import Foundation
import MQTT

/// How `fleetprint sub` prints a message: the payload alone (as mosquitto_sub), the topic and
/// payload (as `mosquitto_sub -v`), or one NDJSON object a line for pipes and tools.
public enum MessageFormat: String, Sendable, CaseIterable {
    case payload
    case verbose
    case json

    public func render(_ message: MQTTMessage) -> String {
        switch self {
        case .payload: return Self.text(message.payload)
        case .verbose: return "\(message.topic) \(Self.text(message.payload))"
        case .json: return Self.json(message)
        }
    }

    private static func text(_ payload: [UInt8]) -> String {
        String(decoding: payload, as: UTF8.self)
    }

    /// Keys in a fixed order; a payload that is not UTF-8 goes as `payload_base64` so no byte is lost.
    private static func json(_ message: MQTTMessage) -> String {
        let body: String
        if let text = message.payloadText {
            body = "\"payload\":\(quoted(text))"
        } else {
            body = "\"payload_base64\":\"\(Data(message.payload).base64EncodedString())\""
        }
        return "{\"topic\":\(quoted(message.topic)),\"qos\":\(message.qos.rawValue),\"retain\":\(message.retain),\(body)}"
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
