import Maintenance
import Telemetry

/// Why a message was dead-lettered: the last segment of `fleetprint/deadletter/<reason>`, the key
/// of the dead-letter counters, and the `reason` field of the published letter (its raw value).
public enum DeadLetterReason: RawRepresentable, Sendable, Hashable, Codable {
    /// The topic or payload could not be used (malformed, too large, too old, ...).
    case decode(DecodeReason)
    /// The engine refused every reading: `stale`, `duplicate` or `unknown-metric`.
    case reading(ReadingDisposition)
    /// More messages in an hour of event time than the device's profile allows.
    case flood
    /// A service report that is malformed or names an unknown kind or kit.
    case badServiceReport
    /// A new device beyond `DeviceLimits`.
    case deviceLimit
    /// A service report naming a work order that is not open on that device: unknown, or closed already.
    case unknownWorkOrder

    public init?(rawValue: String) {
        switch rawValue {
        case "flood": self = .flood
        case "bad-service-report": self = .badServiceReport
        case "device-limit": self = .deviceLimit
        case "unknown-work-order": self = .unknownWorkOrder
        default:
            if let reason = DecodeReason(rawValue: rawValue) {
                self = .decode(reason)
            } else if let disposition = ReadingDisposition(rawValue: rawValue), disposition != .accepted {
                self = .reading(disposition)
            } else {
                return nil
            }
        }
    }

    public var rawValue: String {
        switch self {
        case .decode(let reason): reason.rawValue
        case .reading(let disposition): disposition.rawValue
        case .flood: "flood"
        case .badServiceReport: "bad-service-report"
        case .deviceLimit: "device-limit"
        case .unknownWorkOrder: "unknown-work-order"
        }
    }
}
