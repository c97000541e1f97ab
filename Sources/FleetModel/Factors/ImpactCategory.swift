/// A ReCiPe 2016 midpoint (hierarchist) category with its indicator unit, its place in the rose,
/// and the shadow price that turns it into euros for the optional single score.
public struct ImpactCategory: Sendable, Hashable, Identifiable {
    /// The id factor tables use: `climate-change`.
    public var id: String
    /// The name as in the shadow-price table: "climate change".
    public var name: String
    /// Indicator unit: "kg CO2-eq"; "qualitative" for the economy ring.
    public var unit: String
    public var theme: RoseTheme
    /// The rose indicator it belongs to ("air, water and soil quality").
    public var indicator: String
    /// Euro per indicator unit; nil for qualitative categories.
    public var euroPerUnit: Double?
    /// Other names for the same category in users' exports ("Global warming" in ReCiPe 2016 tools).
    public var aliases: [String]

    public init(id: String, name: String, unit: String, theme: RoseTheme, indicator: String, euroPerUnit: Double?, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.unit = unit
        self.theme = theme
        self.indicator = indicator
        self.euroPerUnit = euroPerUnit
        self.aliases = aliases
    }

    /// Whether results in this category are qualitative (the economy ring) rather than numbers.
    public var isQualitative: Bool { euroPerUnit == nil && theme == .economy }

    /// Whether `text` names this category by id, name or alias, ignoring case.
    public func isNamed(_ text: String) -> Bool {
        let wanted = text.lowercased()
        return ([id, name] + aliases).contains { $0.lowercased() == wanted }
    }
}
