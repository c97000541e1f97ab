import CReadAhead
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The read-ahead under libmosquitto's socket (`read_ahead.h`), on a pipe: the same bytes in the
/// same order, far fewer reads of the kernel, and `pselect` that sees what waits in the buffer.
/// Synchronous tests, so each runs on one thread: the buffer belongs to the thread that attached.
/// Its counters are the process's; no other unit test reads through it (no MQTT connections).
@Suite("Read-ahead under the MQTT socket", .serialized)
struct ReadAheadTests {
    @Test("small reads of an attached descriptor get the same bytes from one read of the kernel")
    func smallReads() throws {
        try withAttachedPipe { pipe in
            let sent = (0..<3_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
            pipe.write(sent)
            let (servedBefore, filledBefore) = (fleetprint_read_ahead_served(), fleetprint_read_ahead_filled())

            // libmosquitto's pattern: a byte, a byte or two, then a body.
            var received: [UInt8] = []
            var reads = 0
            let sizes = [1, 1, 1, 57, 1, 2, 200]
            while received.count < sent.count {
                let chunk = pipe.read(sizes[reads % sizes.count])
                #expect(!chunk.isEmpty)
                received += chunk
                reads += 1
            }
            #expect(received == sent)
            #expect(fleetprint_read_ahead_filled() - filledBefore == 1)
            #expect(fleetprint_read_ahead_served() - servedBefore == reads)
        }
    }

    @Test("pselect reports the descriptor readable while bytes wait in the buffer, not after")
    func selectSeesBufferedBytes() throws {
        try withAttachedPipe { pipe in
            pipe.write([1, 2, 3, 4])

            #expect(pipe.read(1) == [1])
            #expect(!pipe.kernelHasBytes, "the kernel's pipe is empty: its bytes are in the buffer")
            #expect(pipe.selectReadable)
            #expect(pipe.read(10) == [2, 3, 4])
            #expect(!pipe.selectReadable)
            pipe.write([5])
            #expect(pipe.selectReadable)
            #expect(pipe.read(1) == [5])
        }
    }

    @Test("pselect on an attached, empty descriptor answers a zero timeout at once and wakes for bytes that come later")
    func selectOnEmpty() throws {
        try withAttachedPipe { pipe in
            #expect(!pipe.selectReadable)
            let writer = Thread {
                usleep(20_000)
                pipe.write([6])
            }
            writer.start()
            #expect(pipe.selectReadable(waitingSeconds: 10))
            #expect(pipe.read(1) == [6])
        }
    }

    @Test("another thread's reads of the same descriptor go straight to the kernel")
    func otherThreadsBypass() throws {
        try withAttachedPipe { pipe in
            pipe.write([9, 8, 7])
            let filledBefore = fleetprint_read_ahead_filled()
            let elsewhere = OtherThread.run { pipe.read(2) }
            #expect(elsewhere == [9, 8])
            #expect(fleetprint_read_ahead_filled() == filledBefore)
            #expect(pipe.read(5) == [7])
        }
    }

    @Test("detaching drops what was buffered; reads then go to the kernel again")
    func detachDrops() throws {
        let pipe = try Pipe()
        defer { pipe.close() }
        pipe.write([1, 2, 3])
        fleetprint_read_ahead_attach(pipe.readEnd)
        #expect(pipe.read(1) == [1])
        fleetprint_read_ahead_detach()
        #expect(pipe.read(5) == [], "[2, 3] were dropped with the buffer (the connection they came on is gone)")
        pipe.write([4])
        #expect(pipe.read(5) == [4])
    }

    @Test("a read as large as the buffer, with nothing buffered, goes to the kernel directly")
    func largeRead() throws {
        try withAttachedPipe { pipe in
            pipe.write(Array(repeating: 42, count: 1_000))
            let filledBefore = fleetprint_read_ahead_filled()
            #expect(pipe.read(64 * 1024).count == 1_000)
            #expect(fleetprint_read_ahead_filled() == filledBefore)
        }
    }
}

/// A fresh pipe whose read end is attached on this thread while `body` runs, then detached and closed.
private func withAttachedPipe(_ body: (Pipe) throws -> Void) throws {
    let pipe = try Pipe()
    defer { pipe.close() }
    fleetprint_read_ahead_attach(pipe.readEnd)
    defer { fleetprint_read_ahead_detach() }
    try body(pipe)
}

/// A non-blocking pipe, read through `read(2)` as libmosquitto reads its socket.
private struct Pipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0, fcntl(ends[0], F_SETFL, O_NONBLOCK) == 0 else { throw PipeError() }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    func write(_ bytes: [UInt8]) {
        let written = bytes.withUnsafeBytes { Glibc.write(writeEnd, $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
    }

    /// Up to `count` bytes; empty when nothing waits (EAGAIN).
    func read(_ count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let got = buffer.withUnsafeMutableBytes { Glibc.read(readEnd, $0.baseAddress, count) }
        return got > 0 ? Array(buffer.prefix(got)) : []
    }

    /// What `pselect` (as libmosquitto's loop calls it) says, without waiting.
    var selectReadable: Bool { selectReadable(waitingSeconds: 0) }

    /// What `pselect` says, waiting at most that long for the descriptor to become readable.
    func selectReadable(waitingSeconds seconds: Int) -> Bool {
        var set = fd_set()
        withUnsafeMutableBytes(of: &set) { $0.bindMemory(to: Int.self)[Int(readEnd) / Int.bitWidth] |= 1 << (Int(readEnd) % Int.bitWidth) }
        var timeout = timespec(tv_sec: seconds, tv_nsec: 0)
        let ready = pselect(readEnd + 1, &set, nil, nil, &timeout, nil)
        return ready == 1
    }

    /// What the kernel holds, asked through `poll`, which the read-ahead leaves alone.
    var kernelHasBytes: Bool {
        var entry = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) == 1
    }

    func close() {
        Glibc.close(readEnd)
        Glibc.close(writeEnd)
    }
}

private struct PipeError: Error {}

/// Runs `work` on a thread of its own and waits for what it read.
private enum OtherThread {
    static func run(_ work: @escaping @Sendable () -> [UInt8]) -> [UInt8] {
        let result = Mutex<[UInt8]>([])
        let done = DispatchSemaphore(value: 0)
        Thread {
            result.withLock { $0 = work() }
            done.signal()
        }.start()
        done.wait()
        return result.withLock { $0 }
    }
}
