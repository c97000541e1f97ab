import FleetModel

/// Baseline against smart case over the same function: per category, per contribution, the
/// physical flows on both sides, euros, the single score and the rose. Built only from the two
/// sides, so identical sides give a delta of exactly zero everywhere.
public struct Comparison: Sendable, Hashable, Codable {
    public var baseline: Side
    public var `case`: Side
    /// Numeric categories in category-table order.
    public var categories: [CategoryResult]
    /// Parts, trips, lifetime, ICT.
    public var contributions: [TermResult]
    /// Every term, finer than the contributions (ICT split into embodied, electricity, data, server, compute).
    public var terms: [TermResult]
    /// Mean of the per-category relative results with data (docs/DOMAIN.md headline %).
    public var overallRelative: Double?
    public var singleScore: SingleScore
    public var rose: Rose

    public init(baseline: Side, case smart: Side, categories table: [ImpactCategory]) {
        self.baseline = baseline
        self.case = smart
        let numeric = table.filter { !$0.isQualitative }
        let baselineTotal = baseline.impacts.total, caseTotal = smart.impacts.total
        let results = numeric.map { CategoryResult(category: $0, baseline: baselineTotal, case: caseTotal, terms: (baseline.impacts, smart.impacts)) }
        categories = results
        contributions = TermGroup.allCases.map { TermResult(term: $0.rawValue, baseline: baseline.impacts.group($0), case: smart.impacts.group($0)) }
        terms = Term.allCases.map { TermResult(term: $0.rawValue, baseline: baseline.impacts[$0], case: smart.impacts[$0]) }
        overallRelative = RosePetal.mean(results.map(\.relative))
        singleScore = SingleScore(euros: results.compactMap(\.euros).reduce(0, +))
        rose = Rose(categories: table, results: results, baseline: baseline.inventory, case: smart.inventory)
    }

    /// The result in one category.
    public func category(_ id: String) -> CategoryResult? { categories.first { $0.category == id } }

    /// The delta of one contribution in one category (0 without data).
    public func delta(of group: TermGroup, in category: String) -> Double {
        contributions.first { $0.term == group.rawValue }?.delta[category] ?? 0
    }

    /// Kits by type the case did not use (baseline minus case).
    public var avoidedKits: [String: Double] { Amounts.sum(baseline.inventory.parts.kits, Amounts.scaled(self.case.inventory.parts.kits, by: -1)) }

    /// Technician visits not driven (baseline minus case).
    public var avoidedVisits: Double { baseline.inventory.trips.visits - self.case.inventory.trips.visits }

    /// km not driven (baseline minus case).
    public var avoidedKilometres: Double { baseline.inventory.kilometres - self.case.inventory.kilometres }
}
