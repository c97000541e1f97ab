/// What a unit measures. Two quantities can be compared or added only when their dimensions match,
/// which is how a profile that writes `life: 15 kg` is caught before any arithmetic happens.
public enum QuantityDimension: String, Sendable, Hashable, CaseIterable, Codable {
    case mass
    case distance
    case energy
    case data
    case duration
    case power
    case ratio
    case count
    case temperature
    case pressure
    case voltage
    case current
    case rotation
    case angle
    case compute
    case money

    /// Words used in messages: "expected a duration (years, days, hours, ...)".
    public var expectation: String {
        let examples = Unit.allCases.filter { $0.dimension == self }.prefix(4).map(\.symbol).joined(separator: ", ")
        return "a \(rawValue) (\(examples))"
    }
}
