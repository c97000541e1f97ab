/// The impact factors in use: one characterisation method, one price set, factors per item and
/// category, layered so that a user's export overrides the open default item by item (same item
/// and category) and extends it with new ones. Results never mix methods: a table holds one.
public struct FactorTable: Sendable {
    /// Category id of the mandatory category.
    public static let climateChange = "climate-change"
    /// Pseudo-category for technical coefficients that are not impacts: kWh/GB, W/vCPU, PUE.
    public static let technical = "technical"

    /// The characterisation method: "ef-3.0", "recipe-2016".
    public let method: String
    /// The price set the categories' prices come from: "ce-delft-2024".
    public let priceSet: String
    /// Categories in the method table's order, priced by the price set.
    public let categories: [ImpactCategory]
    private var factorsByItem: [String: [String: Factor]] = [:]

    /// Builds a table; a later factor for the same item and category replaces an earlier one.
    public init(method: String = "", priceSet: String = "", categories: [ImpactCategory], factors: [Factor]) {
        self.method = method
        self.priceSet = priceSet
        self.categories = categories
        for factor in factors { factorsByItem[factor.item, default: [:]][factor.category] = factor }
    }

    /// The factor of `item` in `category`, or nil when there is no data.
    public func factor(_ item: String, _ category: String) -> Factor? {
        factorsByItem[item]?[category]
    }

    /// The factors of `item` by category id: one lookup for an item's whole vector.
    public func factorsByCategory(of item: String) -> [String: Factor] {
        factorsByItem[item] ?? [:]
    }

    /// All factors of `item`, in category-table order, technical coefficients last.
    public func factors(for item: String) -> [Factor] {
        (categories.map(\.id) + [Self.technical]).compactMap { factor(item, $0) }
    }

    /// Every item with at least one factor, sorted.
    public var items: [String] { factorsByItem.keys.sorted() }

    /// Every factor, sorted by item then category order.
    public var allFactors: [Factor] { items.flatMap(factors(for:)) }

    public func category(_ id: String) -> ImpactCategory? {
        categories.first { $0.id == id }
    }

    /// The category an export names by id, name or alias ("Global warming" is climate change).
    public func category(named text: String) -> ImpactCategory? {
        categories.first { $0.isNamed(text) }
    }

    /// Categories that have data for every one of `items`: what a result can honestly report.
    public func categoriesWithData(for items: [String]) -> [ImpactCategory] {
        categories.filter { category in items.allSatisfy { factor($0, category.id) != nil } }
    }

    /// This table with `factors` layered on top.
    public func overriding(with factors: [Factor]) -> FactorTable {
        FactorTable(method: method, priceSet: priceSet, categories: categories, factors: allFactors + factors)
    }
}
