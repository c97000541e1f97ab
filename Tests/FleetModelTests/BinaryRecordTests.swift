import FleetModel
import PropertyBased
import Testing

/// Checkpoint records are written with `BinaryWriter` and read with `BinaryReader`: every value
/// must come back as written, and a cut record must be an error, never a wrong value.
@Suite("Binary records")
struct BinaryRecordTests {
    @Test("tallies of any size, numbers, missing numbers and strings read back as written")
    func roundTrip() async {
        await propertyCheck(input: Gen.int(in: 0...Int.max), Gen.double(in: -1e12...1e12), Gen.int(in: 0...40)) { tally, number, length in
            let text = String(repeating: "é/∑", count: length)
            var writer = BinaryWriter()
            writer.write(tally: tally)
            writer.write(number)
            writer.write(Double?.none)
            writer.write(Float(number))
            writer.write(text)
            writer.write(count: 2)
            var reader = BinaryReader(writer.bytes)
            do {
                #expect(try reader.tally() == tally)
                #expect(try reader.double() == number)
                #expect(try reader.optionalDouble() == nil)
                #expect(try reader.float() == Float(number))
                #expect(try reader.string() == text)
            } catch {
                Issue.record("\(error)")
            }
            #expect(throws: BinaryRecordError.self) { try reader.count() }
        }
    }

    @Test("a record cut anywhere is an error, not a value")
    func truncated() throws {
        var writer = BinaryWriter()
        writer.write(tally: 300)
        writer.write(1.5)
        writer.write("boiler-00019")
        for cut in 0 ..< writer.bytes.count {
            var reader = BinaryReader(Array(writer.bytes[..<cut]))
            #expect(throws: BinaryRecordError.self) {
                _ = try reader.tally()
                _ = try reader.double()
                _ = try reader.string()
            }
        }
    }
}
