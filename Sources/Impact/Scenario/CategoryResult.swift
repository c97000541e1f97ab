import FleetModel

/// Baseline against case in one category. `delta` is case minus baseline (negative: the smart
/// case saves), `relative` is delta over baseline; both are nil where the category has no data.
public struct CategoryResult: Sendable, Hashable, Codable {
    public var category: String
    public var name: String
    public var unit: String
    public var coverage: Coverage
    public var baseline: Double?
    public var `case`: Double?
    public var delta: Double?
    /// Fraction (-0.25 is 25 % less than the baseline); nil without data or with a zero baseline and a non-zero case.
    public var relative: Double?
    /// Delta in euros by the category's shadow price.
    public var euros: Double?
    /// The baseline of only what differs between the sides (the terms whose impacts are not
    /// equal: the maintenance system, plus production where the lives differ), and the delta
    /// relative to it: the case studies' "scope" figure beside the whole-product `relative`.
    public var scopeBaseline: Double?
    public var scopeRelative: Double?

    /// The result of `category`; with `terms`, also the scope figure over the terms that differ.
    public init(category: ImpactCategory, baseline: ImpactVector, case smart: ImpactVector, terms: (baseline: TermImpacts, case: TermImpacts)? = nil) {
        self.category = category.id
        self.name = category.name
        self.unit = category.unit
        let hasData = baseline.hasData(category.id) || smart.hasData(category.id)
        coverage = !hasData ? .none : (baseline.missing + smart.missing).contains(category.id) ? .partial : .complete
        guard hasData else { return }
        let base = baseline[category.id] ?? 0
        let value = smart[category.id] ?? 0
        let difference = value - base
        self.baseline = base
        self.case = value
        delta = difference
        relative = base != 0 ? difference / base : (difference == 0 ? 0 : nil)
        euros = category.euroPerUnit.map { difference * $0 }
        guard let terms else { return }
        let differing = Term.allCases.filter { terms.baseline[$0][category.id] != terms.case[$0][category.id] }
        let scope = differing.reduce(0) { $0 + (terms.baseline[$1][category.id] ?? 0) }
        scopeBaseline = scope
        scopeRelative = scope != 0 ? difference / scope : (difference == 0 ? 0 : nil)
    }
}
