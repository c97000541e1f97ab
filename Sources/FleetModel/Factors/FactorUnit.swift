import Foundation

/// A factor's unit, "indicator per reference": "kg CO2-eq/kg", "kg CO2-eq/km", "kWh/GB".
/// The reference unit is checked against what the profile uses the item for (kg, km, kWh, count).
public struct FactorUnit: Sendable, Hashable, CustomStringConvertible {
    /// "kg CO2-eq", or for technical coefficients a unit such as "kWh".
    public var indicator: String
    public var reference: Unit

    public init(indicator: String, reference: Unit) {
        self.indicator = indicator
        self.reference = reference
    }

    /// Parses "kg CO2-eq/kg"; nil when there is no "/" or the reference unit is unknown.
    public init?(parsing text: String) {
        guard let slash = text.lastIndex(of: "/") else { return nil }
        let indicator = text[..<slash].trimmingCharacters(in: .whitespaces)
        guard !indicator.isEmpty, let reference = Unit(symbol: text[text.index(after: slash)...].trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(indicator: indicator, reference: reference)
    }

    public var description: String { "\(indicator)/\(reference.symbol)" }
}
