import FleetModel
import Impact

/// One `Comparison` reduced to what the dashboard shows, in amounts that add up across daemons:
/// a Comparison can only be rebuilt with the factor table, which a summary does not carry.
public struct Balance: Sendable, Equatable, Codable {
    /// In the category table's order.
    public var categories: [CategoryBalance]
    /// Case minus baseline per `Term` raw value.
    public var terms: [String: ImpactVector]
    /// kg by material the case did not use.
    public var avoidedKilograms: [String: Double]
    public var avoidedVisits: Double
    public var avoidedKilometres: Double
    public var remoteFixes: Double
    public var customerFixes: Double
    /// The life production is amortised over on each side (the longest when kinds are summed).
    public var baselineLifeYears: Double
    public var caseLifeYears: Double
    /// The single score: shadow-priced sum of the deltas.
    public var euros: Double

    public init(_ comparison: Comparison) {
        categories = comparison.categories.map(CategoryBalance.init)
        terms = Dictionary(uniqueKeysWithValues: comparison.terms.map { ($0.term, $0.delta) })
        let parts = (comparison.baseline.inventory.parts.kilograms, comparison.case.inventory.parts.kilograms)
        avoidedKilograms = Amounts.sum(parts.0, Amounts.scaled(parts.1, by: -1))
        avoidedVisits = comparison.avoidedVisits
        avoidedKilometres = comparison.avoidedKilometres
        remoteFixes = comparison.case.inventory.trips.remoteFixes
        customerFixes = comparison.case.inventory.trips.customerFixes
        baselineLifeYears = comparison.baseline.inventory.lifetime.lifeYears
        caseLifeYears = comparison.case.inventory.lifetime.lifeYears
        euros = comparison.singleScore.euros
    }

    public func category(_ id: String) -> CategoryBalance? { categories.first { $0.id == id } }

    /// Climate change: the CO2-eq headline.
    public var climate: CategoryBalance? { category(FactorTable.climateChange) }

    /// A term's delta in one category (0 without data).
    public func delta(of term: Term, in category: String = FactorTable.climateChange) -> Double {
        terms[term.rawValue]?[category] ?? 0
    }

    public static func + (lhs: Balance, rhs: Balance) -> Balance {
        var sum = lhs
        var categories = lhs.categories
        for category in rhs.categories {
            if let index = categories.firstIndex(where: { $0.id == category.id }) { categories[index] = categories[index] + category } else { categories.append(category) }
        }
        sum.categories = categories
        sum.terms = lhs.terms.merging(rhs.terms, uniquingKeysWith: +)
        sum.avoidedKilograms = Amounts.sum(lhs.avoidedKilograms, rhs.avoidedKilograms)
        sum.avoidedVisits += rhs.avoidedVisits
        sum.avoidedKilometres += rhs.avoidedKilometres
        sum.remoteFixes += rhs.remoteFixes
        sum.customerFixes += rhs.customerFixes
        sum.baselineLifeYears = max(lhs.baselineLifeYears, rhs.baselineLifeYears)
        sum.caseLifeYears = max(lhs.caseLifeYears, rhs.caseLifeYears)
        sum.euros += rhs.euros
        return sum
    }
}
