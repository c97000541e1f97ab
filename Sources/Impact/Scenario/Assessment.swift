/// `fleetprint assess`: a kind's documented baseline against each smart scenario, with the
/// factors it used. Deterministic: the same profile and factors give the same value (and bytes).
public struct Assessment: Sendable, Hashable, Codable {
    public var kind: String
    public var functionalUnit: String
    /// The characterisation method of every number ("ef-3.0"): results never mix methods.
    public var method: String
    /// The price set of every euro ("ce-delft-2024"), and each category's price and its source.
    public var priceSet: String
    public var prices: [CategoryPrice]
    /// Sign convention of every delta and relative value.
    public var convention: String
    public var cpuSecondsPerDeviceYear: Double
    public var ictScale: Double
    public var scenarios: [ScenarioAssessment]
    /// Categories with data for every flow, for some flows, and for none.
    public var categoriesComplete: [String]
    public var categoriesPartial: [String]
    public var categoriesWithoutData: [String]
    public var factors: [FactorUse]

    public static let convention = "delta = case - baseline (negative: the smart case saves); relative = delta / baseline"
}
