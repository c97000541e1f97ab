/// Where a scenario's net benefit in one category crosses zero over a sweep; no crossings means
/// the sign holds over the whole range (see the benefit at both ends).
public struct BreakEven: Sendable, Hashable, Codable {
    public var scenario: String
    public var category: String
    public var crossings: [Double]
    public var benefitAtStart: Double
    public var benefitAtEnd: Double
}
