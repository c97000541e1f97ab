import CMosquitto
import Foundation

/// Errors of the MQTT client. Each carries libmosquitto's own words where it has any.
public enum MQTTError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String, reason: String)
    case secretUnavailable(String)
    /// A libmosquitto call failed; `detail` is `mosquitto_strerror` (or the OS error for MOSQ_ERR_ERRNO).
    case libraryCall(operation: String, code: Int32, detail: String)
    /// The broker answered CONNACK with a refusal; `reason` is `mosquitto_connack_string` / `mosquitto_reason_string`.
    case connectionRefused(broker: String, reason: String)
    case connectTimeout(broker: String, seconds: Double, lastError: String?)
    case timeout(operation: String, seconds: Double)
    case subscriptionRejected(filter: String)
    case closed

    public var description: String {
        switch self {
        case let .invalidURL(url, reason):
            "invalid broker URL '\(url)': \(reason)"
        case let .secretUnavailable(reason):
            "password unavailable: \(reason)"
        case let .libraryCall(operation, code, detail):
            "\(operation) failed: \(detail) (libmosquitto error \(code))"
        case let .connectionRefused(broker, reason):
            "broker \(broker) refused the connection: \(reason)"
        case let .connectTimeout(broker, seconds, lastError):
            "could not connect to \(broker) within \(Self.format(seconds)) s"
                + (lastError.map { ": \($0)" } ?? ": no answer (is a broker listening there?)")
        case let .timeout(operation, seconds):
            "\(operation) got no answer within \(Self.format(seconds)) s"
        case let .subscriptionRejected(filter):
            "the broker rejected the subscription to '\(filter)' (not authorised, or an invalid filter)"
        case .closed:
            "the MQTT client is closed"
        }
    }

    /// Builds the error for a failed libmosquitto call, reading errno when the library says to.
    /// `context` adds what libmosquitto logged about the failure, such as OpenSSL's reason.
    static func library(_ operation: String, _ code: Int32, errno osError: Int32 = errno, context: String? = nil) -> MQTTError {
        let detail = code == Int32(MOSQ_ERR_ERRNO.rawValue)
            ? String(cString: strerror(osError))
            : String(cString: mosquitto_strerror(code))
        return .libraryCall(operation: operation, code: code, detail: detail + (context.map { " (\($0))" } ?? ""))
    }

    private static func format(_ seconds: Double) -> String {
        seconds.rounded() == seconds ? String(Int(seconds)) : String(format: "%.1f", seconds)
    }
}
