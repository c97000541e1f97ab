/// Why a message was rejected. The raw value is the dead-letter topic suffix
/// (`fleetprint/deadletter/<reason>`) and a metrics label, so it stays short and stable.
public enum DecodeReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Larger than `DecodeLimits.maxPayloadBytes`; rejected before parsing.
    case tooLarge = "too-large"
    /// The topic matches no template of a loaded profile.
    case unknownTopic = "unknown-topic"
    /// A kind no loaded profile defines.
    case unknownKind = "unknown-kind"
    /// A device id that is too long or has characters outside letters, digits, `.`, `_`, `-`, `:`.
    case badDeviceID = "bad-device-id"
    /// Not a JSON object: a syntax error, a trailing comma, text after the object.
    case malformed
    /// The input ends in the middle of the object.
    case truncated
    /// A known field holds the wrong JSON type (a string for a gauge, a number for an enum).
    case wrongType = "wrong-type"
    /// NaN, Infinity, or a number too large for a Double.
    case notFinite = "not-finite"
    /// A number outside the metric's declared range (or a negative counter or event).
    case outOfRange = "out-of-range"
    /// An enum label the profile does not list.
    case unknownLabel = "unknown-label"
    case missingTimestamp = "missing-timestamp"
    /// A timestamp that cannot be read in the profile's format, or lies outside 1970-2200.
    case badTimestamp = "bad-timestamp"
    /// Older than the reference (the fleet's watermark) minus `DecodeLimits.maxAge`.
    case tooOld = "too-old"
    /// Newer than the later of the watermark and the receive time, plus `DecodeLimits.maxLead`: a device clock running ahead.
    case tooNew = "too-new"
    /// A valid object without a single known metric field.
    case noMetrics = "no-metrics"
}
