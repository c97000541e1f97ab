#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The daemon's write-ahead journal: append-only segment files, one record per received message,
/// each written with one plain `write` before the message is acknowledged to the broker.
///
/// Why not SQLite: a transaction per message on the network thread capped the daemon at about
/// 10,000 msg/s and contended with checkpoints (`database is locked`). A `write` to the page cache
/// survives `kill -9` as well as a committed WAL transaction in NORMAL mode does; like it, a power
/// cut may lose what the OS had not written yet.
///
/// The journal is read only to recover after a crash, never as a work queue. A record carries a
/// CRC-32, so recovery stops at a torn tail instead of replaying garbage. Segments are named by
/// their first sequence number; `trim` deletes those a checkpoint covers entirely.
public final class MessageJournal: Sendable {
    public let directory: URL
    private let segmentBytes: Int
    private let writer: Mutex<Writer>

    /// The open segment and the numbering; only ever touched under the lock.
    private struct Writer {
        var descriptor: Int32 = -1
        var segmentFirst: Int64 = 0
        var segmentSize = 0
        var nextSequence: Int64
        var buffer: [UInt8] = []
        var closed = false
    }

    /// Bytes before the body: its length and its CRC-32.
    static let headerBytes = 8
    /// Sequence, arrival time and topic length at the start of the body.
    static let bodyPrefixBytes = 18

    /// Opens (or creates) the journal. Sequence numbers continue after both the last record found
    /// and `checkpointed`, so they never repeat, even when every segment has been trimmed.
    public init(directory: URL, after checkpointed: Int64, segmentBytes: Int = 64 << 20) throws {
        self.directory = directory
        self.segmentBytes = segmentBytes
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError("cannot create the journal folder \(directory.path): \(error.localizedDescription)")
        }
        var last = checkpointed
        for segment in try Self.segments(in: directory) {
            let contents = try Self.read(segment.url)
            if contents.records.isEmpty && contents.validBytes == 0 {
                try? FileManager.default.removeItem(at: segment.url)
                continue
            }
            last = max(last, contents.records.last?.sequence ?? last)
            if contents.validBytes < contents.totalBytes {
                // A torn tail from a crash mid-write: cut it, so the segment reads cleanly.
                guard truncate(segment.url.path, off_t(contents.validBytes)) == 0 else {
                    throw StoreError("cannot cut the torn end of journal segment \(segment.url.path): \(String(cString: strerror(errno)))")
                }
            }
        }
        writer = Mutex(Writer(nextSequence: last + 1))
    }

    deinit {
        writer.withLock { writer in
            if writer.descriptor >= 0 { Glibc.close(writer.descriptor) }
        }
    }

    /// Appends one message and returns its sequence number. When this returns, the record is in
    /// the OS's hands: a crash of the process cannot lose it. Throws, naming the file and the
    /// system's reason (disk full, read-only), and then holds nothing half-written.
    private func append(topic: String, payload: UnsafeRawBufferPointer, receivedAt: Double) throws -> Int64 {
        try writer.withLock { writer in
            guard !writer.closed else { throw StoreError("the journal in \(directory.path) is closed") }
            let sequence = writer.nextSequence
            if writer.descriptor < 0 || writer.segmentSize >= segmentBytes {
                try openSegment(&writer, first: sequence)
            }
            Self.encode(sequence: sequence, topic: topic, payload: payload, receivedAt: receivedAt, into: &writer.buffer)
            let written = writer.buffer.withUnsafeBytes { Self.writeAll(writer.descriptor, $0) }
            guard written == writer.buffer.count else {
                let reason = String(cString: strerror(errno))
                // Leave no partial record behind; if even that fails, the next append starts a new
                // segment and recovery stops this one at the torn record.
                if ftruncate(writer.descriptor, off_t(writer.segmentSize)) != 0 {
                    Glibc.close(writer.descriptor)
                    writer.descriptor = -1
                }
                throw StoreError("cannot write the journal segment \(segmentURL(writer.segmentFirst).path): \(reason)")
            }
            writer.segmentSize += written
            writer.nextSequence += 1
            return sequence
        }
    }

    /// Appends one message and returns its sequence number (see the buffer variant).
    @discardableResult
    public func append(topic: String, payload: [UInt8], receivedAt: Double) throws -> Int64 {
        try payload.withUnsafeBytes { try append(topic: topic, payload: $0, receivedAt: receivedAt) }
    }

    /// The sequence number the next message will get.
    public var nextSequence: Int64 { writer.withLock { $0.nextSequence } }

    /// Calls `body` with every record after `sequence`, oldest first: what a restart must replay.
    /// Reads one segment at a time, so memory stays within a segment's size.
    public func replay(after sequence: Int64, _ body: (JournalEntry) throws -> Void) throws {
        let segments = try Self.segments(in: directory)
        for (index, segment) in segments.enumerated() {
            if index + 1 < segments.count, segments[index + 1].first <= sequence + 1 { continue }
            for entry in try Self.read(segment.url).records where entry.sequence > sequence {
                try body(entry)
            }
        }
    }

    /// Deletes the segments whose every record is at or before `sequence` (a checkpoint covers
    /// them). The segment being written is kept.
    public func trim(through sequence: Int64) throws {
        let current = writer.withLock { $0.descriptor >= 0 ? $0.segmentFirst : $0.nextSequence }
        let segments = try Self.segments(in: directory)
        for (index, segment) in segments.enumerated() where index + 1 < segments.count {
            let next = segments[index + 1].first
            guard next <= sequence + 1, segment.first < current else { break }
            do {
                try FileManager.default.removeItem(at: segment.url)
            } catch {
                throw StoreError("cannot delete the replayed journal segment \(segment.url.path): \(error.localizedDescription)")
            }
        }
    }

    /// No more appends; an append after this throws. Closes the open segment.
    public func close() {
        writer.withLock { writer in
            writer.closed = true
            if writer.descriptor >= 0 { Glibc.close(writer.descriptor) }
            writer.descriptor = -1
        }
    }

    // MARK: Segments

    private func segmentURL(_ first: Int64) -> URL {
        directory.appendingPathComponent(String(format: "%020lld.journal", first))
    }

    private func openSegment(_ writer: inout Writer, first: Int64) throws {
        if writer.descriptor >= 0 { Glibc.close(writer.descriptor) }
        writer.descriptor = -1
        let url = segmentURL(first)
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError("cannot create the journal segment \(url.path): \(String(cString: strerror(errno)))")
        }
        let size = lseek(descriptor, 0, SEEK_END)
        writer.descriptor = descriptor
        writer.segmentFirst = first
        writer.segmentSize = size > 0 ? Int(size) : 0
    }

    private static func segments(in directory: URL) throws -> [(first: Int64, url: URL)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw StoreError("cannot list the journal folder \(directory.path): \(error.localizedDescription)")
        }
        return names.compactMap { name in
            guard name.hasSuffix(".journal"), let first = Int64(name.dropLast(".journal".count)) else { return nil }
            return (first, directory.appendingPathComponent(name))
        }.sorted { $0.first < $1.first }
    }

    // MARK: Records

    /// One record: body length and CRC-32 (4 bytes each, little-endian), then the body: sequence
    /// (8), arrival time (8, an IEEE double), topic length (2), topic, payload.
    static func encode(sequence: Int64, topic: String, payload: UnsafeRawBufferPointer, receivedAt: Double, into buffer: inout [UInt8]) {
        buffer.removeAll(keepingCapacity: true)
        let topicBytes = topic.utf8.count
        let bodyBytes = bodyPrefixBytes + topicBytes + payload.count
        append(UInt32(bodyBytes), to: &buffer)
        append(UInt32(0), to: &buffer)
        append(UInt64(bitPattern: sequence), to: &buffer)
        append(receivedAt.bitPattern, to: &buffer)
        append(UInt16(topicBytes), to: &buffer)
        buffer.append(contentsOf: topic.utf8)
        buffer.append(contentsOf: payload)
        let crc = buffer.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[headerBytes...])) }
        buffer.withUnsafeMutableBytes { $0.storeBytes(of: crc.littleEndian, toByteOffset: 4, as: UInt32.self) }
    }

    private static func append<Integer: FixedWidthInteger>(_ value: Integer, to buffer: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { buffer.append(contentsOf: $0) }
    }

    /// The records of one segment up to the first one that is short or fails its checksum.
    static func read(_ url: URL) throws -> (records: [JournalEntry], validBytes: Int, totalBytes: Int) {
        let data: [UInt8]
        do {
            data = [UInt8](try Data(contentsOf: url))
        } catch {
            throw StoreError("cannot read the journal segment \(url.path): \(error.localizedDescription)")
        }
        var records: [JournalEntry] = []
        var offset = 0
        data.withUnsafeBytes { bytes in
            func load<Integer: FixedWidthInteger>(_ type: Integer.Type, at position: Int) -> Integer {
                Integer(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: type))
            }
            while offset + headerBytes + bodyPrefixBytes <= bytes.count {
                let bodyBytes = Int(load(UInt32.self, at: offset))
                let bodyStart = offset + headerBytes
                guard bodyBytes >= bodyPrefixBytes, bodyStart + bodyBytes <= bytes.count else { break }
                let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<(bodyStart + bodyBytes)])
                guard CRC32.checksum(body) == load(UInt32.self, at: offset + 4) else { break }
                let topicBytes = Int(load(UInt16.self, at: bodyStart + 16))
                guard bodyPrefixBytes + topicBytes <= bodyBytes else { break }
                let topicStart = bodyStart + bodyPrefixBytes
                records.append(JournalEntry(
                    sequence: Int64(bitPattern: load(UInt64.self, at: bodyStart)),
                    topic: String(decoding: bytes[topicStart..<(topicStart + topicBytes)], as: UTF8.self),
                    payload: [UInt8](bytes[(topicStart + topicBytes)..<(bodyStart + bodyBytes)]),
                    receivedAt: Double(bitPattern: load(UInt64.self, at: bodyStart + 8))))
                offset = bodyStart + bodyBytes
            }
        }
        return (records, offset, data.count)
    }

    /// `write` until everything is written or it fails; returns the bytes written.
    private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        var done = 0
        while done < bytes.count {
            let result = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if result < 0 {
                if errno == EINTR { continue }
                return done
            }
            if result == 0 { return done }
            done += result
        }
        return done
    }
}
