#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dashboard
import Foundation

/// Reads key presses from a raw-mode terminal on a thread of its own: `poll` with a short timeout
/// so the thread sees `stop` and ends, instead of blocking in `read` until the next key.
enum KeyReader {
    static func keys(from descriptor: Int32, until stop: StopFlag) -> AsyncStream<Key> {
        let (stream, continuation) = AsyncStream.makeStream(of: Key.self, bufferingPolicy: .bufferingNewest(64))
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 64)
            while !stop.isSet {
                var watch = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                guard poll(&watch, 1, 100) > 0 else { continue }
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                guard count > 0 else { break }
                for key in KeyDecoder.keys(in: Array(buffer[..<count])) { continuation.yield(key) }
            }
            continuation.finish()
        }
        thread.name = "fleetprint-keys"
        thread.start()
        return stream
    }
}
