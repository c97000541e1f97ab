import FleetModel
import Foundation
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

    @Test("a work order, open or closed, reads back as written")
    func workOrders() throws {
        let open = WorkOrder(id: "boiler/b-1/1", device: "b-1", kind: "boiler", rule: "flue-gas-fouling", issuedAt: Date(timeIntervalSince1970: 1_767_225_600.5),
                             priority: .alarm, kit: "medium", resolution: .technician, note: "heat exchanger fouling",
                             reason: "flue_gas_temperature 90 degC above alarm level 85 degC for 2 h", due: Date(timeIntervalSince1970: 1_767_398_400))
        let closed = WorkOrder(id: "speedgate/g/2", device: "g", kind: "speedgate", rule: "silent", issuedAt: Date(timeIntervalSince1970: 1_767_225_600),
                               priority: .alert, resolution: .remote)
            .with(status: .cancelled, at: Date(timeIntervalSince1970: 1_767_230_000),
                  closedBy: WorkOrderClosure(cause: .serviceReport, action: .visit, report: "R-7", workOrder: "speedgate/g/1"))
        var writer = BinaryWriter()
        open.record(into: &writer)
        closed.record(into: &writer)
        var reader = BinaryReader(writer.bytes)
        #expect(try WorkOrder(record: &reader) == open)
        #expect(try WorkOrder(record: &reader) == closed)
        #expect(reader.isAtEnd)
    }
}
