import Foundation
import Testing
@testable import FleetprintRuntime

@Suite("Reading a stream file in chunks")
struct StreamFileReaderTests {
    @Test("every record comes back across chunk edges, with no final newline, past blank and bad lines", arguments: [1, 7, 64, 1 << 20])
    func chunks(chunk: Int) throws {
        let records = (0..<40).map { StreamRecord(time: Double($0), topic: "devices/boiler/b-\($0)/telemetry", payload: Array("{\"ts\":\($0)}".utf8)) }
        var text: [UInt8] = []
        for (index, record) in records.enumerated() {
            record.append(to: &text)
            if index == 10 { text += Array("not a record\n\n".utf8) }
        }
        text.removeLast()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-reader-\(UUID().uuidString).ndjson")
        try Data(text).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        var reader = try StreamFileReader(url: file, chunk: chunk)
        var read: [StreamRecord] = []
        while let record = reader.next() {
            read.append(record)
            let fraction = reader.fraction
            #expect(fraction > 0 && fraction <= 1)
        }
        let (lines, fraction) = (reader.line, reader.fraction)
        #expect(read == records)
        #expect(lines == records.count + 2)
        #expect(fraction == 1)
    }
}
