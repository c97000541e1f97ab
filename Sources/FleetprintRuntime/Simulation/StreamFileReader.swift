import Foundation

/// Reads a stream file's records in order from a memory-mapped file, one line at a time, so a
/// file of any size replays in constant memory. Lines that do not parse are reported and skipped.
struct StreamFileReader {
    private let data: Data
    private var offset = 0
    private(set) var line = 0

    init(url: URL) throws {
        data = try Data(contentsOf: url, options: .alwaysMapped)
    }

    /// Share of the file read, 0...1.
    var fraction: Double { data.isEmpty ? 1 : Double(offset) / Double(data.count) }

    mutating func next() -> StreamRecord? {
        while offset < data.count {
            let start = offset
            let end = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Int in
                guard let base = bytes.baseAddress, let found = memchr(base + start, 0x0A, bytes.count - start) else { return bytes.count }
                return UnsafeRawPointer(found) - base
            }
            let record: StreamRecord? = end > start ? data.withUnsafeBytes { StreamRecord(line: UnsafeRawBufferPointer(rebasing: $0[start..<end])) } : nil
            let empty = end == offset
            offset = end + 1
            line += 1
            if let record { return record }
            if !empty { ConnectionReporter.note("replay: line \(line) is not a stream record; skipped") }
        }
        return nil
    }
}
