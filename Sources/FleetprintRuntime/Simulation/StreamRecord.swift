import Foundation
import MQTT
import Telemetry

/// One line of a recorded or simulated stream (NDJSON): `{"t":..,"topic":"..","payload":".."}`,
/// with `payload_base64` instead when the payload is not UTF-8. `t` is seconds since 1970: the
/// receive time for `record`, the event time for `simulate`. A recorded line also keeps the
/// message's `qos` and, when set, `"retain":true`, so that a replay publishes a retained summary
/// as retained again. Replay keeps the lines' order and their relative timing.
public struct StreamRecord: Sendable, Equatable {
    /// A stream file begins with `{"schema":"fleetprint.stream/1"}` (docs/schemas/stream.schema.json
    /// describes the lines); files without that line are read as version 1.
    public static let schemaVersion = "fleetprint.stream/1"
    static let header = Array(#"{"schema":"\#(schemaVersion)"}"#.utf8) + [0x0A]

    public var time: Double
    public var topic: String
    public var payload: [UInt8]
    /// The QoS it arrived with; nil where none was recorded (`simulate`, older recordings), and
    /// replay then uses its `--qos`.
    public var qos: QoS?
    /// It was a retained message.
    public var retain: Bool

    public init(time: Double, topic: String, payload: [UInt8], qos: QoS? = nil, retain: Bool = false) {
        self.time = time
        self.topic = topic
        self.payload = payload
        self.qos = qos
        self.retain = retain
    }

    /// Appends the line, newline included.
    public func append(to out: inout [UInt8]) {
        out.append(contentsOf: #"{"t":"#.utf8)
        if time == time.rounded(), abs(time) < 1e15 { out.append(contentsOf: String(Int64(time)).utf8) } else { out.append(contentsOf: time.description.utf8) }
        out.append(contentsOf: #","topic":"#.utf8)
        Self.appendQuoted(topic.utf8, to: &out)
        if payload.allSatisfy({ $0 < 0x80 }) || String(validating: payload, as: UTF8.self) != nil {
            out.append(contentsOf: #","payload":"#.utf8)
            Self.appendQuoted(payload, to: &out)
        } else {
            out.append(contentsOf: #","payload_base64":""#.utf8)
            out.append(contentsOf: Data(payload).base64EncodedString().utf8)
            out.append(UInt8(ascii: "\""))
        }
        if let qos { out.append(contentsOf: #","qos":\#(qos.rawValue)"#.utf8) }
        if retain { out.append(contentsOf: #","retain":true"#.utf8) }
        out.append(contentsOf: "}\n".utf8)
    }

    /// The version a schema line names; nil for any other line.
    static func schema(ofLine line: UnsafeRawBufferPointer) -> String? {
        var version: String?
        try? FlatJSON.forEachMember(in: line) { key, member in
            if key == "schema", case .string(let text) = member { version = String(decoding: text, as: UTF8.self) }
        }
        return version
    }

    /// Parses one line; nil when it is not such an object.
    public init?(line: UnsafeRawBufferPointer) {
        var time: Double?
        var topic: String?
        var payload: [UInt8]?
        var qos: QoS?
        var retain = false
        do {
            try FlatJSON.forEachMember(in: line) { key, member in
                switch (key, member) {
                case ("t", .number(let value)): time = value
                case ("topic", .string(let bytes)): topic = String(decoding: bytes, as: UTF8.self)
                case ("payload", .string(let bytes)): payload = bytes
                case ("payload_base64", .string(let bytes)): payload = Data(base64Encoded: Data(bytes)).map { [UInt8]($0) }
                case ("qos", .number(let value)): qos = QoS(rawValue: Int32(exactly: value) ?? -1)
                case ("retain", .bool(let value)): retain = value
                default: break
                }
            }
        } catch {
            return nil
        }
        guard let time, let topic, let payload else { return nil }
        self.init(time: time, topic: topic, payload: payload, qos: qos, retain: retain)
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private static func appendQuoted(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            case 0..<0x20:
                out.append(contentsOf: #"\u00"#.utf8)
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            default:
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
