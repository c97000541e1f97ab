/// The shadow-priced sum of the deltas: one number for a first look, never without the categories.
public struct SingleScore: Sendable, Hashable, Codable {
    public static let label = "internal decision aid: shadow-priced sum of the category deltas; read it beside every category"

    /// Euros of case minus baseline (negative: the smart case saves).
    public var euros: Double
    public var label: String

    public init(euros: Double) {
        self.euros = euros
        label = Self.label
    }
}
