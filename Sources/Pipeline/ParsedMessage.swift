/// A received message with its parse, which depends on the message alone: the part of
/// `FleetPipeline.ingest` that may run on another thread than the fleet's state.
public struct ParsedMessage: Sendable {
    public let topic: String
    public let payload: [UInt8]
    let content: ParsedContent

    /// The device kind its topic names, for telemetry and service reports; nil where the topic
    /// names none or the message could not be read.
    public var kind: String? {
        switch content {
        case .telemetry(let decoded): decoded.address.kind
        case .serviceReport(let kind, _, _): kind
        case .rejected, .badServiceReport: nil
        }
    }
}
