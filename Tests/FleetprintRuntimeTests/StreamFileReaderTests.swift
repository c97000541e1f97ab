import FleetprintTestSupport
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

    @Test("a file begins with its schema line, which the reader takes; another version is refused with the file's name")
    func schemaLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-writer-\(UUID().uuidString).ndjson")
        defer { try? FileManager.default.removeItem(at: file) }
        let record = StreamRecord(time: 1, topic: "devices/boiler/b-1/telemetry", payload: Array(#"{"ts":1}"#.utf8))
        let binary = StreamRecord(time: 2.5, topic: "devices/boiler/b-1/telemetry", payload: [0xff, 0x00, 0x7b])
        let retained = StreamRecord(time: 3, topic: "fleetprint/impact/local", payload: Array("{}".utf8), qos: .exactlyOnce, retain: true)
        var writer = try StreamWriter(url: file)
        try writer.write(record)
        try writer.write(binary)
        try writer.write(retained)
        try writer.close()
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.hasPrefix(#"{"schema":"fleetprint.stream/1"}"# + "\n"))
        for line in text.split(separator: "\n") {
            #expect(try SchemaCheck.validate(Data(line.utf8), schema: SchemaCheck.schema("stream")).isEmpty, "\(line)")
        }
        var reader = try StreamFileReader(url: file)
        #expect(reader.next() == record && reader.next() == binary && reader.next() == retained && reader.next() == nil)
        try Data(text.replacingOccurrences(of: "fleetprint.stream/1", with: "fleetprint.stream/2").utf8).write(to: file)
        #expect(throws: SimulationOutputError.self) { _ = try StreamFileReader(url: file) }
    }

    /// `--out /dev/null`, a named pipe or a link: the writer writes where the path leads. Written
    /// aside and renamed over, a link (or, as root, `/dev/null` itself) became a regular file.
    @Test("the output is written in place: a link to a file stays a link, and the file it names takes the stream")
    func inPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (target, link) = (folder.appendingPathComponent("target.ndjson"), folder.appendingPathComponent("link.ndjson"))
        try Data("old and longer than the stream's first line, which must replace it whole\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        var writer = try StreamWriter(url: link)
        try writer.write(StreamRecord(time: 1, topic: "devices/boiler/b-1/telemetry", payload: Array(#"{"ts":1}"#.utf8)))
        try writer.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        var reader = try StreamFileReader(url: target)
        #expect(reader.next()?.time == 1 && reader.next() == nil)
        #expect(throws: SimulationOutputError.self) { _ = try StreamWriter(url: folder.appendingPathComponent("missing/out.ndjson")) }
    }
}
