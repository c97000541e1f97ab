import Foundation

/// A number with its unit, written in profiles as one string: `"4.5 kg"`, `"15 years"`, `"80 %"`.
///
/// One string rather than `{value:, unit:}` keeps profiles short and makes a bare number (whose
/// unit would be a guess) a reading error. Encodes to and decodes from the same string.
public struct Quantity: Sendable, Hashable, Codable, CustomStringConvertible {
    public var value: Double
    public var unit: Unit

    public init(_ value: Double, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The value in the dimension's base unit (kg, km, kWh, GB, seconds, W, fraction).
    public var baseValue: Double { value * unit.inBaseUnit }

    /// The value in another unit of the same dimension, or nil when the dimensions differ.
    public func value(in other: Unit) -> Double? {
        guard other.dimension == unit.dimension else { return nil }
        return baseValue / other.inBaseUnit
    }

    /// Shortest text that reads back to the same Double: "15 years", "4.5 kg", "1e-06 GB".
    public var description: String {
        let number = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        return unit == .percent ? "\(number) %" : "\(number) \(unit.symbol)"
    }

    /// Parses "4.5 kg", "80 %" or "80%". Nil when the number or the unit is not understood.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let splitIndex = trimmed.firstIndex(where: { $0 == " " || $0 == "%" }) ?? trimmed.endIndex
        let numberText = trimmed[..<splitIndex]
        let unitText = trimmed[splitIndex...].trimmingCharacters(in: .whitespaces)
        guard let value = Double(numberText), value.isFinite, let unit = Unit(symbol: unitText) else { return nil }
        self.init(value, unit)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let quantity = Quantity(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a quantity such as \"4.5 kg\", got \"\(text)\""))
        }
        self = quantity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
