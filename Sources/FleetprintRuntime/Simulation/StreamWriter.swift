#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Writes stream records to an NDJSON file through a buffer, so millions of lines cost few syscalls.
/// The file is opened in place (created or emptied), never written aside and renamed over: so
/// `--out /dev/null` or a named pipe is written to, not replaced by a regular file (as root,
/// Foundation's `createFile` replaced `/dev/null` itself).
struct StreamWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(url: URL) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SimulationOutputError("cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
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
