#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// The daemon's write-ahead journal: append-only segment files, one record per received message,
/// each copied into the segment's shared memory mapping before the message is acknowledged.
///
/// Why not SQLite: a transaction per message on the network thread capped the daemon at about
/// 10,000 msg/s and contended with checkpoints (`database is locked`). Why a mapping and not a
/// `write` per record: the system call was a tenth of the network thread's time per message. A
/// store into a `MAP_SHARED` mapping is in the page cache at once, so it survives `kill -9` as a
/// `write` (or a committed WAL transaction in NORMAL mode) does; like them, a power cut may lose
/// what the OS had not written yet. The file is reserved ahead of the records in steps of
/// `reserveBytes` with `posix_fallocate`, so a full disk is an error of that call (named, with its
/// reason), never a fault on a store into the mapping.
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
        /// The segment's mapping, `mappedBytes` long; the file is only `reservedBytes` long, and
        /// records fill its first `segmentSize` bytes.
        var mapping: UnsafeMutableRawPointer?
        var mappedBytes = 0
        var reservedBytes = 0
        /// The segment's first bytes already dropped from the resident set (whole pages).
        var droppedBytes = 0
        var segmentFirst: Int64 = 0
        var segmentSize = 0
        var nextSequence: Int64
        var closed = false
    }

    /// How far ahead of the records the segment file is reserved: one `posix_fallocate` per step.
    static let reserveBytes = 1 << 20

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
            // Only where its records end and the last one's number: no record is kept.
            var lastInSegment: Int64?
            let contents = try Self.scan(segment.url) { sequence, _ in lastInSegment = sequence }
            if lastInSegment == nil && contents.validBytes == 0 {
                try? FileManager.default.removeItem(at: segment.url)
                continue
            }
            last = max(last, lastInSegment ?? last)
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
        writer.withLock { Self.closeSegment(&$0) }
    }

    /// Appends one message and returns its sequence number. When this returns, the record is in
    /// the OS's hands: a crash of the process cannot lose it. Throws, naming the file and the
    /// system's reason (disk full, read-only), and then holds nothing half-written.
    private func append(topic: String, payload: UnsafeRawBufferPointer, receivedAt: Double) throws -> Int64 {
        try writer.withLock { writer in
            guard !writer.closed else { throw StoreError("the journal in \(directory.path) is closed") }
            let sequence = writer.nextSequence
            var topic = topic
            let recordBytes = Self.headerBytes + Self.bodyPrefixBytes + topic.utf8.count + payload.count
            if writer.mapping == nil || writer.segmentSize + recordBytes > writer.mappedBytes {
                try openSegment(&writer, first: sequence, fitting: recordBytes)
            }
            try reserve(&writer, through: writer.segmentSize + recordBytes)
            // By address: a pointer taken from `writer` would tie the caller's payload to the lock's region.
            let address = Int(bitPattern: writer.mapping) + writer.segmentSize
            topic.withUTF8 { topicBytes in
                let record = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(bitPattern: address), count: recordBytes)
                Self.encode(sequence: sequence, topic: UnsafeRawBufferPointer(topicBytes), payload: payload, receivedAt: receivedAt, into: record)
            }
            writer.segmentSize += recordBytes
            writer.nextSequence += 1
            return sequence
        }
    }

    /// Extends the segment file so that its first `bytes` are backed by disk space.
    private func reserve(_ writer: inout Writer, through bytes: Int) throws {
        guard bytes > writer.reservedBytes else { return }
        var target = min(writer.mappedBytes, max(bytes, writer.reservedBytes + Self.reserveBytes))
        var code = posix_fallocate(writer.descriptor, off_t(writer.reservedBytes), off_t(target - writer.reservedBytes))
        if code == ENOSPC, target > bytes {
            // A nearly full disk still takes the records that fit.
            target = bytes
            code = posix_fallocate(writer.descriptor, off_t(writer.reservedBytes), off_t(target - writer.reservedBytes))
        }
        guard code == 0 else {
            throw StoreError("cannot write the journal segment \(segmentURL(writer.segmentFirst).path): \(String(cString: strerror(code)))")
        }
        // The records written so far stay in the page cache (the mapping is shared) but leave this
        // process's resident set, which would otherwise grow by a whole segment.
        let written = writer.segmentSize & ~(Int(getpagesize()) - 1)
        if written > writer.droppedBytes {
            _ = madvise(writer.mapping! + writer.droppedBytes, written - writer.droppedBytes, MADV_DONTNEED)
            writer.droppedBytes = written
        }
        writer.reservedBytes = target
    }

    /// Appends one message and returns its sequence number (see the buffer variant).
    @discardableResult
    public func append(topic: String, payload: [UInt8], receivedAt: Double) throws -> Int64 {
        try payload.withUnsafeBytes { try append(topic: topic, payload: $0, receivedAt: receivedAt) }
    }

    /// The sequence number the next message will get.
    public var nextSequence: Int64 { writer.withLock { $0.nextSequence } }

    /// Calls `body` with every record after `sequence`, oldest first: what a restart must replay.
    /// Reads one segment at a time and makes each record as it is replayed, so memory stays
    /// within a segment's size.
    public func replay(after sequence: Int64, _ body: (JournalEntry) throws -> Void) throws {
        let segments = try Self.segments(in: directory)
        for (index, segment) in segments.enumerated() {
            if index + 1 < segments.count, segments[index + 1].first <= sequence + 1 { continue }
            _ = try Self.scan(segment.url) { number, record in
                if number > sequence { try body(record()) }
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
            Self.closeSegment(&writer)
        }
    }

    // MARK: Segments

    private func segmentURL(_ first: Int64) -> URL {
        directory.appendingPathComponent(String(format: "%020lld.journal", first))
    }

    /// Opens a new segment named by `first` and maps it, large enough for a record of `recordBytes`.
    private func openSegment(_ writer: inout Writer, first: Int64, fitting recordBytes: Int) throws {
        Self.closeSegment(&writer)
        let url = segmentURL(first)
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StoreError("cannot create the journal segment \(url.path): \(String(cString: strerror(errno)))")
        }
        let bytes = max(segmentBytes, recordBytes)
        let mapping = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0)
        guard let mapping, mapping != UnsafeMutableRawPointer(bitPattern: -1) else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw StoreError("cannot map the journal segment \(url.path): \(reason)")
        }
        writer.descriptor = descriptor
        writer.mapping = mapping
        writer.mappedBytes = bytes
        writer.reservedBytes = 0
        writer.droppedBytes = 0
        writer.segmentFirst = first
        writer.segmentSize = 0
    }

    /// Unmaps and closes the open segment, cutting the file to its records (the reserve ahead of
    /// them is zeros, which a reader would stop at anyway).
    private static func closeSegment(_ writer: inout Writer) {
        if let mapping = writer.mapping { munmap(mapping, writer.mappedBytes) }
        if writer.descriptor >= 0 {
            _ = ftruncate(writer.descriptor, off_t(writer.segmentSize))
            Glibc.close(writer.descriptor)
        }
        writer.mapping = nil
        writer.descriptor = -1
        writer.mappedBytes = 0
        writer.reservedBytes = 0
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
    /// (8), arrival time (8, an IEEE double), topic length (2), topic, payload. `record` is exactly
    /// the record's size.
    static func encode(sequence: Int64, topic: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer, receivedAt: Double,
                       into record: UnsafeMutableRawBufferPointer) {
        record.storeBytes(of: UInt32(record.count - headerBytes).littleEndian, toByteOffset: 0, as: UInt32.self)
        record.storeBytes(of: UInt64(bitPattern: sequence).littleEndian, toByteOffset: headerBytes, as: UInt64.self)
        record.storeBytes(of: receivedAt.bitPattern.littleEndian, toByteOffset: headerBytes + 8, as: UInt64.self)
        record.storeBytes(of: UInt16(topic.count).littleEndian, toByteOffset: headerBytes + 16, as: UInt16.self)
        let topicStart = headerBytes + bodyPrefixBytes
        UnsafeMutableRawBufferPointer(rebasing: record[topicStart..<(topicStart + topic.count)]).copyMemory(from: topic)
        UnsafeMutableRawBufferPointer(rebasing: record[(topicStart + topic.count)...]).copyMemory(from: payload)
        // The checksum last: a record cut short by a crash fails it.
        let crc = CRC32.checksum(UnsafeRawBufferPointer(rebasing: record[headerBytes...]))
        record.storeBytes(of: crc.littleEndian, toByteOffset: 4, as: UInt32.self)
    }

    /// Walks one segment's records up to the first one that is short or fails its checksum,
    /// handing `visit` each one's number and a way to make it: opening a daemon needs only where
    /// the records end, and a replay makes only those after the checkpoint, one at a time (made
    /// all at once, a full segment's records took more than twice its 64 MB while a restarted
    /// daemon also held its fleet). The segment is read `scanChunkBytes` at a time (read whole, it
    /// was 64 MB more at a restart's peak), a record longer than that in one piece of its size.
    static func scan(_ url: URL, _ visit: (_ sequence: Int64, _ record: () -> JournalEntry) throws -> Void) throws
        -> (validBytes: Int, totalBytes: Int) {
        func failure(_ what: String) -> StoreError {
            StoreError("cannot read the journal segment \(url.path): \(what): \(String(cString: strerror(errno)))")
        }
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open") }
        defer { Glibc.close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("stat") }
        var buffer = [UInt8](repeating: 0, count: scanChunkBytes)
        var (held, start, scanned, atEnd) = (0, 0, 0, false)
        while true {
            // The bytes not yet walked go to the front, and the rest of the buffer is filled.
            buffer.withUnsafeMutableBytes { bytes in
                _ = memmove(bytes.baseAddress!, bytes.baseAddress! + start, held - start)
            }
            (held, start) = (held - start, 0)
            while !atEnd && held < buffer.count {
                let count = buffer.withUnsafeMutableBytes { bytes in read(descriptor, bytes.baseAddress! + held, bytes.count - held) }
                if count < 0 && errno == EINTR { continue }
                guard count >= 0 else { throw failure("read") }
                atEnd = count == 0
                held += count
            }
            var wanted = 0
            try buffer.withUnsafeBytes { whole in
                let bytes = UnsafeRawBufferPointer(rebasing: whole[..<held])
                func load<Integer: FixedWidthInteger>(_ type: Integer.Type, at position: Int) -> Integer {
                    Integer(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: type))
                }
                while start + headerBytes + bodyPrefixBytes <= bytes.count {
                    let bodyBytes = Int(load(UInt32.self, at: start))
                    let bodyStart = start + headerBytes
                    guard bodyBytes >= bodyPrefixBytes else { return }
                    guard bodyStart + bodyBytes <= bytes.count else {
                        wanted = headerBytes + bodyBytes
                        return
                    }
                    let body = UnsafeRawBufferPointer(rebasing: bytes[bodyStart..<(bodyStart + bodyBytes)])
                    guard CRC32.checksum(body) == load(UInt32.self, at: start + 4) else { return }
                    let topicBytes = Int(load(UInt16.self, at: bodyStart + 16))
                    guard bodyPrefixBytes + topicBytes <= bodyBytes else { return }
                    let topicStart = bodyStart + bodyPrefixBytes
                    let sequence = Int64(bitPattern: load(UInt64.self, at: bodyStart))
                    try visit(sequence) {
                        JournalEntry(sequence: sequence, topic: String(decoding: bytes[topicStart..<(topicStart + topicBytes)], as: UTF8.self),
                                     payload: [UInt8](bytes[(topicStart + topicBytes)..<(bodyStart + bodyBytes)]),
                                     receivedAt: Double(bitPattern: load(UInt64.self, at: bodyStart + 8)))
                    }
                    start = bodyStart + bodyBytes
                    scanned += headerBytes + bodyBytes
                }
                wanted = headerBytes + bodyPrefixBytes
            }
            // A record is cut short by the end of what was read: read on, unless the file ends
            // (a record cut short by a crash) or the bytes it claims are more than the file holds.
            guard !atEnd, wanted > 0, scanned + wanted <= Int(status.st_size) else { break }
            if wanted > buffer.count { buffer.append(contentsOf: repeatElement(0, count: wanted - buffer.count)) }
        }
        return (scanned, Int(status.st_size))
    }

    /// How much of a segment `scan` reads at a time.
    static let scanChunkBytes = 1 << 20
}
