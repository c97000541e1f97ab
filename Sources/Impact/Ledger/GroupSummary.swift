/// A kind's devices, or the whole fleet, summed: the numbers a dashboard shows.
public struct GroupSummary: Sendable, Hashable, Codable {
    /// The kind, or "fleet".
    public var name: String
    public var devices: Int
    public var serviceYears: Double
    public var realised: Comparison
    public var projected: Comparison
}
