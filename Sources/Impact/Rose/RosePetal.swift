import FleetModel

/// One indicator of the rose. An indicator of several categories is, as in the case studies,
/// the relative change of their shadow-priced sum (each category weighted by its priced impact);
/// where a category has no price that weighting is impossible and the petal is the unweighted
/// mean instead, and says so. The unweighted mean is always kept beside it, labelled.
public struct RosePetal: Sendable, Hashable, Codable {
    public var ring: RoseTheme
    public var indicator: String
    /// Case minus baseline over baseline, as a fraction; nil when no category of it has data.
    public var relative: Double?
    /// The plain mean of the categories' relative changes.
    public var unweightedRelative: Double?
    /// How `relative` was formed: "shadow-priced", "unweighted mean (no price: ...)", "one category", "activity".
    public var weighting: String
    public var colour: RoseClass

    public init(ring: RoseTheme, indicator: String, relative: Double?, unweightedRelative: Double? = nil, weighting: String = "activity") {
        self.ring = ring
        self.indicator = indicator
        self.relative = relative
        self.unweightedRelative = unweightedRelative ?? relative
        self.weighting = weighting
        colour = RoseClass(relative: relative)
    }

    /// The petal of `categories` (one indicator) from their results.
    init(ring: RoseTheme, indicator: String, categories: [ImpactCategory], results: [String: CategoryResult]) {
        let withData = categories.compactMap { category in results[category.id].flatMap { $0.delta == nil ? nil : (category, $0) } }
        let mean = Self.mean(withData.map(\.1.relative))
        let unpriced = withData.filter { $0.0.euroPerUnit == nil }.map(\.0.id)
        if withData.count == 1 {
            self.init(ring: ring, indicator: indicator, relative: mean, weighting: "one category")
        } else if withData.isEmpty || !unpriced.isEmpty {
            self.init(ring: ring, indicator: indicator, relative: mean, unweightedRelative: mean,
                      weighting: withData.isEmpty ? "no data" : "unweighted mean (no price: \(unpriced.joined(separator: ", ")))")
        } else {
            let baseline = withData.reduce(0) { $0 + ($1.1.baseline ?? 0) * ($1.0.euroPerUnit ?? 0) }
            let delta = withData.reduce(0) { $0 + ($1.1.delta ?? 0) * ($1.0.euroPerUnit ?? 0) }
            self.init(ring: ring, indicator: indicator, relative: baseline != 0 ? delta / baseline : (delta == 0 ? 0 : nil),
                      unweightedRelative: mean, weighting: "shadow-priced")
        }
    }

    /// Mean of the values present, or nil when none is.
    static func mean(_ values: [Double?]) -> Double? {
        let present = values.compactMap { $0 }
        return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
    }
}
