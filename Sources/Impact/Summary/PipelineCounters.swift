/// What the pipeline has seen since its state began; persisted with it, so counts survive restarts.
public struct PipelineCounters: Sendable, Hashable, Codable {
    public var messages = 0
    public var readings = 0
    public var serviceReports = 0
    public var workOrdersIssued = 0
    public var workOrdersClosed = 0
    /// Dead letters by reason (the suffix of `fleetprint/deadletter/<reason>`).
    public var deadLetters: [String: Int] = [:]

    public init() {}

    public var deadLettersTotal: Int { deadLetters.values.reduce(0, +) }
}
