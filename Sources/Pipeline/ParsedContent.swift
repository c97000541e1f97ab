import Telemetry

/// What a message turned out to be, before any device state is looked at.
enum ParsedContent: Sendable {
    case telemetry(DecodedMessage)
    /// Telemetry that cannot be read at all (its time is judged later, against the fleet's).
    case rejected(DecodeFailure)
    case serviceReport(kind: String, device: String, ServiceReport)
    case badServiceReport(detail: String, field: String?)
}
