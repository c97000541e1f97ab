/// What a CBM rule watches for. The rule engine (a later module) evaluates these in event time.
public enum RuleCondition: Sendable, Hashable {
    case threshold(Threshold)
    case rateOfChange(RateOfChange)
    case repeated(Repetition)
    case counterSinceService(CounterLimit)
    /// Fires when no sample arrived for this long.
    case missingData(after: Quantity)
    case trend(TrendPrognosis)

    public var kind: RuleKind {
        switch self {
        case .threshold: .threshold
        case .rateOfChange: .rate
        case .repeated: .`repeat`
        case .counterSinceService: .counter
        case .missingData: .missing
        case .trend: .trend
        }
    }

    /// Fields each kind accepts besides the common ones.
    static func fields(of kind: RuleKind) -> [String] {
        switch kind {
        case .threshold: ["direction", "alert", "alarm", "for", "clear"]
        case .rate: ["direction", "change", "within"]
        case .`repeat`: ["count", "within", "value"]
        case .counter: ["alert", "alarm"]
        case .missing: ["after"]
        case .trend: ["direction", "limit", "window", "horizon"]
        }
    }
}
