/// One characterisation factor: the impact of one reference unit of an item in one category,
/// with its range and where it comes from (every number has a source).
public struct Factor: Sendable, Hashable {
    public var item: String
    /// `ImpactCategory.id`, or `FactorTable.technical` for coefficients such as kWh/GB.
    public var category: String
    public var value: Double
    public var unit: FactorUnit
    public var low: Double?
    public var high: Double?
    public var source: String
    public var year: Int?
    public var licence: String
    /// "open-lca.csv:12": the file and line it was read from, for reports and overrides.
    public var origin: String

    public init(item: String, category: String, value: Double, unit: FactorUnit, low: Double? = nil, high: Double? = nil,
                source: String, year: Int? = nil, licence: String, origin: String) {
        self.item = item
        self.category = category
        self.value = value
        self.unit = unit
        self.low = low
        self.high = high
        self.source = source
        self.year = year
        self.licence = licence
        self.origin = origin
    }

    /// Impact of `amount` of the item (a quantity in the reference unit's dimension), or nil when
    /// the dimensions differ: 4.5 kg of li-ion at 6.3 kg CO2-eq/kg gives 28.35.
    public func impact(of amount: Quantity) -> Double? {
        amount.value(in: unit.reference).map { $0 * value }
    }
}
