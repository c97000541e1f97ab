/// A received message with its parse, which depends on the message alone: the part of
/// `FleetPipeline.ingest` that may run on another thread than the fleet's state.
public struct ParsedMessage: Sendable {
    public let topic: String
    public let payload: [UInt8]
    let content: ParsedContent
}
