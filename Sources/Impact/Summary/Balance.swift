import FleetModel

/// One `Comparison` reduced to what a summary carries, in amounts that add up across daemons:
/// per category the two sides' totals and euros, climate change per term, the flows a person
/// reads (kits, visits, km, kg avoided) and the lives. A Comparison can only be rebuilt with the
/// factor table; this is what travels instead, small whatever the fleet's size.
public struct Balance: Sendable, Equatable {
    /// In the category table's order.
    public var categories: [CategoryBalance]
    /// Case minus baseline in climate change per `Term` raw value.
    public var climateByTerm: [String: Double]
    /// kg by material the case did not use.
    public var avoidedKilograms: [String: Double]
    public var baselineKits: Double
    public var caseKits: Double
    public var baselineVisits: Double
    public var caseVisits: Double
    /// The service events the baseline policy expects over the same service time (visits, or
    /// kits where a visit brings several): the count its variance comes from.
    public var baselineEvents: Double
    public var avoidedKilometres: Double
    public var remoteFixes: Double
    public var customerFixes: Double
    /// The life production is amortised over on each side (the longest when kinds are summed).
    public var baselineLifeYears: Double
    public var caseLifeYears: Double
    /// The single score: shadow-priced sum of the deltas.
    public var euros: Double

    /// A balance of `categories` with every flow at zero, to be filled in.
    init(categories: [CategoryBalance]) {
        self.categories = categories
        climateByTerm = [:]
        avoidedKilograms = [:]
        (baselineKits, caseKits, baselineVisits, caseVisits, avoidedKilometres, baselineEvents) = (0, 0, 0, 0, 0, 0)
        (remoteFixes, customerFixes, baselineLifeYears, caseLifeYears, euros) = (0, 0, 0, 0, 0)
    }

    public init(_ comparison: Comparison) {
        categories = comparison.categories.map(CategoryBalance.init)
        climateByTerm = Dictionary(uniqueKeysWithValues: comparison.terms.map { ($0.term, $0.delta[FactorTable.climateChange] ?? 0) })
        let (base, smart) = (comparison.baseline.inventory, comparison.case.inventory)
        avoidedKilograms = Amounts.sum(base.parts.kilograms, Amounts.scaled(smart.parts.kilograms, by: -1))
        baselineKits = Amounts.total(base.parts.kits)
        caseKits = Amounts.total(smart.parts.kits)
        baselineVisits = base.trips.visits
        caseVisits = smart.trips.visits
        baselineEvents = max(baselineVisits, baselineKits)
        avoidedKilometres = comparison.avoidedKilometres
        remoteFixes = smart.trips.remoteFixes
        customerFixes = smart.trips.customerFixes
        baselineLifeYears = base.lifetime.lifeYears
        caseLifeYears = smart.lifetime.lifeYears
        euros = comparison.singleScore.euros
    }

    /// Service events the smart case saw: visits, remote and customer fixes.
    public var caseEvents: Double { caseVisits + remoteFixes + customerFixes }

    /// The balance with each category's baseline variance: the baseline's service events come as
    /// a Poisson count with mean (and variance) N = `baselineEvents`, so a category whose
    /// baseline is b, spread over N events, varies by b²/N. For one kind's realised side, where
    /// the baseline is what its policy's rates expect over the service time the devices ran.
    public func withEventVariance() -> Balance {
        var balance = self
        for index in balance.categories.indices {
            balance.categories[index].baselineVariance = balance.categories[index].baseline.map { baselineEvents > 0 ? $0 * $0 / baselineEvents : 0 }
        }
        return balance
    }

    /// Technician visits the case did not need.
    public var avoidedVisits: Double { baselineVisits - caseVisits }

    public func category(_ id: String) -> CategoryBalance? { categories.first { $0.id == id } }

    /// Climate change: the CO2-eq headline.
    public var climate: CategoryBalance? { category(FactorTable.climateChange) }

    /// A term's delta in climate change (0 without data).
    public func climateDelta(of term: Term) -> Double { climateByTerm[term.rawValue] ?? 0 }

    public static func + (lhs: Balance, rhs: Balance) -> Balance {
        var sum = lhs
        var categories = lhs.categories
        for category in rhs.categories {
            if let index = categories.firstIndex(where: { $0.id == category.id }) { categories[index] = categories[index] + category } else { categories.append(category) }
        }
        sum.categories = categories
        sum.climateByTerm = lhs.climateByTerm.merging(rhs.climateByTerm, uniquingKeysWith: +)
        sum.avoidedKilograms = Amounts.sum(lhs.avoidedKilograms, rhs.avoidedKilograms)
        sum.baselineKits += rhs.baselineKits
        sum.caseKits += rhs.caseKits
        sum.baselineVisits += rhs.baselineVisits
        sum.caseVisits += rhs.caseVisits
        sum.baselineEvents += rhs.baselineEvents
        sum.avoidedKilometres += rhs.avoidedKilometres
        sum.remoteFixes += rhs.remoteFixes
        sum.customerFixes += rhs.customerFixes
        sum.baselineLifeYears = max(lhs.baselineLifeYears, rhs.baselineLifeYears)
        sum.caseLifeYears = max(lhs.caseLifeYears, rhs.caseLifeYears)
        sum.euros += rhs.euros
        return sum
    }
}
