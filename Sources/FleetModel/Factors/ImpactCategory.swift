import Foundation

/// A midpoint category of one characterisation method (ReCiPe 2016, EF 3.0, ...) with its
/// indicator unit, its place in the rose, and the shadow price of the price set in use.
public struct ImpactCategory: Sendable, Hashable, Identifiable {
    /// The id factor tables use: `climate-change`.
    public var id: String
    /// The name as in the method table: "climate change".
    public var name: String
    /// Indicator unit: "kg CO2-eq"; "qualitative" for the economy ring.
    public var unit: String
    public var theme: RoseTheme
    /// The rose indicator it belongs to ("air, water and soil quality").
    public var indicator: String
    /// Euro per indicator unit; nil for qualitative categories and where the price set has no price.
    public var euroPerUnit: Double?
    /// Where the price comes from ("CE Delft Environmental Prices Handbook 2024 EU27, Table 7, central, EUR2021").
    public var priceSource: String?
    /// Other names for the same category in users' exports ("Global warming" in ReCiPe 2016 tools).
    public var aliases: [String]

    public init(id: String, name: String, unit: String, theme: RoseTheme, indicator: String, euroPerUnit: Double?,
                priceSource: String? = nil, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.unit = unit
        self.theme = theme
        self.indicator = indicator
        self.euroPerUnit = euroPerUnit
        self.priceSource = priceSource
        self.aliases = aliases
    }

    /// Whether results in this category are qualitative (the economy ring) rather than numbers.
    public var isQualitative: Bool { theme == .economy }

    /// Whether `text` names this category by id, name or alias, ignoring case.
    public func isNamed(_ text: String) -> Bool {
        let wanted = text.lowercased()
        return ([id, name] + aliases).contains { $0.lowercased() == wanted }
    }

    /// Whether `text` is this category's unit as exports spell it: case, spaces, "1.4" for
    /// "1,4" and a trailing "-eq" aside ("kg 1.4-DCB" is "kg 1,4-DCB-eq").
    public func isMeasured(in text: String) -> Bool {
        Self.normalisedUnit(text) == Self.normalisedUnit(unit)
    }

    private static func normalisedUnit(_ text: String) -> String {
        var unit = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "1.4-", with: "1,4-")
        for suffix in ["-eq.", "-eq", "eq."] where unit.hasSuffix(suffix) {
            unit.removeLast(suffix.count)
            break
        }
        return unit
    }
}
