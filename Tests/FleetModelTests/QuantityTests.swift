import FleetModel
import Testing

@Suite("Quantity")
struct QuantityTests {
    @Test("parses value and unit, aliases included", arguments: [
        ("4.5 kg", Quantity(4.5, .kilogram)), ("15 years", Quantity(15, .year)), ("80 %", Quantity(80, .percent)),
        ("80%", Quantity(80, .percent)), ("2 h", Quantity(2, .hour)), ("3 starts", Quantity(3, .count)),
    ])
    func parses(text: String, expected: Quantity) {
        #expect(Quantity(parsing: text) == expected)
    }

    @Test("rejects a bare number and an unknown unit", arguments: ["4.5", "4.5 parsecs", "kg", ""])
    func rejects(text: String) {
        #expect(Quantity(parsing: text) == nil)
    }

    @Test("converts within a dimension only")
    func converts() {
        #expect(Quantity(12, .month).value(in: .year) == 1)
        #expect(Quantity(500, .gram).value(in: .kilogram) == 0.5)
        #expect(Quantity(1, .kilogram).value(in: .kilometre) == nil)
    }
}
