import Foundation

/// Writes stream records to an NDJSON file through a buffer, so millions of lines cost few syscalls.
struct StreamWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw SimulationOutputError("cannot create \(url.path)")
        }
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 20)
        buffer.append(contentsOf: StreamRecord.header)
    }

    mutating func write(_ record: StreamRecord) throws {
        record.append(to: &buffer)
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func close() throws {
        try flush()
        try handle.close()
    }
}
