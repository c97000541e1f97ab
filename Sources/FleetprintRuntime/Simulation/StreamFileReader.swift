import Foundation

/// Reads a stream file's records in order through a fixed window of the file, one line at a
/// time, so a file of any size replays in constant memory (a memory-mapped 12 GB file grew the
/// resident set to 12 GB). Lines that do not parse are reported and skipped.
struct StreamFileReader {
    private let handle: FileHandle
    /// Bytes read from the file at a time.
    private let chunk: Int
    private let size: Int
    /// Unread bytes: `buffer[start...]` are the next bytes of the file after the `read` already consumed.
    private var buffer: [UInt8] = []
    private var start = 0
    private var read = 0
    private var atEnd = false
    private(set) var line = 0

    init(url: URL, chunk: Int = 1 << 20) throws {
        handle = try FileHandle(forReadingFrom: url)
        self.chunk = max(chunk, 1)
        size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        try readHeader(of: url)
    }

    /// Takes the file's first line when it is the schema line; refuses another version.
    private mutating func readHeader(of url: URL) throws {
        let (first, end) = (start, nextLine())
        guard let end else { return }
        guard let version = buffer.withUnsafeBytes({ StreamRecord.schema(ofLine: UnsafeRawBufferPointer(rebasing: $0[end])) }) else {
            start = first
            return
        }
        line = 1
        guard version == StreamRecord.schemaVersion else {
            throw SimulationOutputError("\(url.path) is a \(version) stream; this Fleetprint reads \(StreamRecord.schemaVersion)")
        }
    }

    /// Share of the file read, 0...1.
    var fraction: Double { size == 0 ? 1 : min(1, Double(read - (buffer.count - start)) / Double(size)) }

    mutating func next() -> StreamRecord? {
        while let text = nextLine() {
            line += 1
            if text.isEmpty { continue }
            if let record = buffer.withUnsafeBytes({ StreamRecord(line: UnsafeRawBufferPointer(rebasing: $0[text])) }) { return record }
            ConnectionReporter.note("replay: line \(line) is not a stream record; skipped")
        }
        return nil
    }

    /// The byte range in `buffer` of the next line without its newline; nil at the end of the file.
    private mutating func nextLine() -> Range<Int>? {
        var searched = 0
        while true {
            if let newline = newline(from: start + searched) {
                defer { start = newline + 1 }
                return start..<newline
            }
            searched = buffer.count - start
            if atEnd {
                guard searched > 0 else { return nil }
                defer { start = buffer.count }
                return start..<buffer.count
            }
            refill()
        }
    }

    private func newline(from offset: Int) -> Int? {
        buffer.withUnsafeBytes { bytes in
            guard offset < bytes.count, let base = bytes.baseAddress, let found = memchr(base + offset, 0x0A, bytes.count - offset) else { return nil }
            return UnsafeRawPointer(found) - base
        }
    }

    /// Drops the consumed bytes and appends the next chunk of the file.
    private mutating func refill() {
        buffer.removeSubrange(0..<start)
        start = 0
        let data = (try? handle.read(upToCount: chunk)) ?? nil
        guard let data, !data.isEmpty else {
            atEnd = true
            return
        }
        read += data.count
        buffer.append(contentsOf: data)
    }
}
