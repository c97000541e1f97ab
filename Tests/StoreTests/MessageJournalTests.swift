import Foundation
import Testing
@testable import Store

@Suite("The message journal")
struct MessageJournalTests {
    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-journal-\(UUID().uuidString)")
    }

    private static func replayed(_ journal: MessageJournal, after sequence: Int64) throws -> [JournalEntry] {
        var entries: [JournalEntry] = []
        try journal.replay(after: sequence) { entries.append($0) }
        return entries
    }

    private static func segmentFiles(_ directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".journal") }.sorted()
    }

    @Test("records come back in order, byte for byte, after the given sequence")
    func roundTrip() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try MessageJournal(directory: directory, after: 0)
        let payloads: [[UInt8]] = [Array("{\"t\":1}".utf8), [], [0, 255, 10, 13], Array(repeating: 7, count: 70_000)]
        var sequences: [Int64] = []
        for (index, payload) in payloads.enumerated() {
            sequences.append(try journal.append(topic: "devices/boiler/b-\(index)/telemetry", payload: payload, receivedAt: 1_700_000_000.25 + Double(index)))
        }
        #expect(sequences == [1, 2, 3, 4])
        let all = try Self.replayed(journal, after: 0)
        #expect(all.map(\.payload) == payloads)
        #expect(all.map(\.topic) == (0..<4).map { "devices/boiler/b-\($0)/telemetry" })
        #expect(all.map(\.receivedAt) == (0..<4).map { 1_700_000_000.25 + Double($0) })
        #expect(try Self.replayed(journal, after: 2).map(\.sequence) == [3, 4])
    }

    @Test("records written before a reserve step, and so dropped from the process's memory, still read back whole")
    func beyondReserveSteps() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try MessageJournal(directory: directory, after: 0)
        let payloads = (0..<40).map { index in (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) } }
        for payload in payloads { try journal.append(topic: "t", payload: payload, receivedAt: 0) }
        #expect(40 * 65_536 > 2 * MessageJournal.reserveBytes)
        #expect(try Self.replayed(journal, after: 0).map(\.payload) == payloads)
        journal.close()
        #expect(try Self.replayed(try MessageJournal(directory: directory, after: 0), after: 0).map(\.payload) == payloads)
    }

    @Test("a segment is read a piece at a time: records across the pieces' edges and one longer than a piece read back whole")
    func readInPieces() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try MessageJournal(directory: directory, after: 0)
        let long = (0 ..< MessageJournal.scanChunkBytes + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let payloads = (0 ..< 300).map { index in [UInt8](repeating: UInt8(index % 256), count: 4_000 + index) } + [long, [1, 2, 3]]
        for payload in payloads { try journal.append(topic: "t", payload: payload, receivedAt: 0) }
        journal.close()
        #expect(try Self.replayed(try MessageJournal(directory: directory, after: 0), after: 0).map(\.payload) == payloads)
        #expect(try MessageJournal(directory: directory, after: 0).nextSequence == Int64(payloads.count + 1))
    }

    @Test("a reopened journal continues its numbering after the last record and after the checkpoint")
    func numberingContinues() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let journal = try MessageJournal(directory: directory, after: 0)
            try journal.append(topic: "a", payload: [1], receivedAt: 1)
            try journal.append(topic: "b", payload: [2], receivedAt: 2)
        }
        let reopened = try MessageJournal(directory: directory, after: 1)
        #expect(reopened.nextSequence == 3)
        #expect(try Self.replayed(reopened, after: 1).map(\.topic) == ["b"])
        // Every segment trimmed away: the checkpoint's position still keeps numbers from repeating.
        try FileManager.default.removeItem(at: directory)
        #expect(try MessageJournal(directory: directory, after: 500).nextSequence == 501)
    }

    @Test("segments roll over at their size, and trim deletes only those a checkpoint covers")
    func segmentsAndTrim() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try MessageJournal(directory: directory, after: 0, segmentBytes: 200)
        for index in 1...20 {
            try journal.append(topic: "t", payload: Array(repeating: UInt8(index), count: 50), receivedAt: Double(index))
        }
        let before = try Self.segmentFiles(directory)
        #expect(before.count > 3)
        try journal.trim(through: 10)
        let after = try Self.segmentFiles(directory)
        #expect(after.count < before.count)
        // Nothing after the checkpoint is gone, and the segment being written stays.
        #expect(try Self.replayed(journal, after: 10).map(\.sequence) == Array(11...20))
        #expect(after.last == before.last)
        try journal.trim(through: 20)
        #expect(try Self.segmentFiles(directory) == [before.last!])
    }

    @Test("a torn or corrupted tail is cut at the last whole record, and later segments still count")
    func tornTail() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let journal = try MessageJournal(directory: directory, after: 0)
            for index in 1...3 { try journal.append(topic: "t", payload: [UInt8(index)], receivedAt: 0) }
        }
        let segment = directory.appendingPathComponent(try Self.segmentFiles(directory)[0])
        var bytes = [UInt8](try Data(contentsOf: segment))
        let whole = bytes.count
        bytes[whole - 1] ^= 0xFF  // the third record's payload no longer matches its checksum
        bytes += [9, 9, 9]         // and half a header after it
        try Data(bytes).write(to: segment)

        let reopened = try MessageJournal(directory: directory, after: 0)
        #expect(try Self.replayed(reopened, after: 0).map(\.payload) == [[1], [2]])
        #expect(reopened.nextSequence == 3)
        #expect(try Data(contentsOf: segment).count < whole)
        try reopened.append(topic: "t", payload: [4], receivedAt: 0)
        #expect(try Self.replayed(reopened, after: 0).map(\.payload) == [[1], [2], [4]])
    }

    @Test("a segment as a crash leaves it (records, then the zeros reserved ahead of them) reads to its last record")
    func crashedSegment() throws {
        let directory = Self.folder()
        let copy = Self.folder()
        defer { for folder in [directory, copy] { try? FileManager.default.removeItem(at: folder) } }
        let journal = try MessageJournal(directory: directory, after: 0)
        for index in 1...3 { try journal.append(topic: "t", payload: [UInt8(index)], receivedAt: 0) }
        // Copied while still open: what the page cache holds if the process dies now.
        try FileManager.default.copyItem(at: directory, to: copy)
        let name = try Self.segmentFiles(copy)[0]
        let reserved = try Data(contentsOf: copy.appendingPathComponent(name)).count
        #expect(reserved >= MessageJournal.reserveBytes)

        let reopened = try MessageJournal(directory: copy, after: 0)
        #expect(try Self.replayed(reopened, after: 0).map(\.payload) == [[1], [2], [3]])
        #expect(reopened.nextSequence == 4)
        #expect(try Data(contentsOf: copy.appendingPathComponent(name)).count < reserved)
        journal.close()
        #expect(try Data(contentsOf: directory.appendingPathComponent(name)).count == (try Data(contentsOf: copy.appendingPathComponent(name))).count)
    }

    @Test("a journal that cannot be written is a clear error naming the file")
    func unwritable() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = try MessageJournal(directory: directory, after: 0)
        try FileManager.default.removeItem(at: directory)
        // The folder is now a plain file: no segment can be created in it.
        try Data().write(to: directory)
        #expect {
            try journal.append(topic: "t", payload: [1], receivedAt: 0)
        } throws: { error in
            "\(error)".contains(directory.path) && "\(error)".contains("cannot create the journal segment")
        }
    }

    @Test("the CRC-32 is zlib's")
    func checksum() {
        let value = Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) }
        #expect(value == 0xCBF4_3926)
        let fox = Array("The quick brown fox jumps over the lazy dog".utf8).withUnsafeBytes { CRC32.checksum($0) }
        #expect(fox == 0x414F_A339)
    }

    @Test("eight bytes a step agree with the bit-by-bit definition at every length and alignment")
    func checksumSlices() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<80).map { _ in UInt8.random(in: 0...255, using: &generator) }
        func bitwise(_ slice: ArraySlice<UInt8>) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in slice {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            }
            return ~crc
        }
        for start in 0..<8 {
            for end in start...bytes.count {
                let slice = bytes[start..<end]
                #expect(slice.withUnsafeBytes { CRC32.checksum($0) } == bitwise(slice), "bytes \(start)..<\(end)")
            }
        }
    }
}
