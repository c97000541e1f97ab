/// A sweep's points and break-even values.
public struct SweepResult: Sendable, Hashable, Codable {
    public var parameter: String
    public var from: Double
    public var to: Double
    public var steps: Int
    public var points: [SweepPoint]
    public var breakEvens: [BreakEven]
}
