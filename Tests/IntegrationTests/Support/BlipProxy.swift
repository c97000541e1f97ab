import Foundation
import Synchronization

/// A TCP relay on loopback between a client and the broker, whose connections a test can cut
/// (a network blip): the broker stays up and keeps the client's session, and everything else
/// (other clients, publishers) talks to the broker directly.
final class BlipProxy: Sendable {
    let port: Int
    private let listener: Int32
    private let target: Int
    private let state = Mutex<(connections: [Int32], refusing: Bool, closed: Bool)>(([], false, false))

    init(to target: Int) throws {
        self.target = target
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 16) == 0 else { throw Shell.Failure(description: "proxy cannot listen: \(String(cString: strerror(errno)))") }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: actual.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    var url: String { "mqtt://127.0.0.1:\(port)" }

    /// Cuts every relayed connection and refuses new ones for `seconds`.
    func blip(for seconds: Double) {
        let cut = state.withLock { state in
            state.refusing = true
            defer { state.connections = [] }
            return state.connections
        }
        cut.forEach { shutdown($0, Int32(SHUT_RDWR)) }
        Thread { [self] in
            usleep(UInt32(seconds * 1_000_000))
            state.withLock { $0.refusing = false }
        }.start()
    }

    func close() {
        state.withLock { $0.closed = true }
        shutdown(listener, Int32(SHUT_RDWR))
        Glibc.close(listener)
    }

    private func acceptLoop() {
        while !state.withLock({ $0.closed }) {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = Self.loopback(port: target)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            let admitted = connected == 0 && state.withLock { state in
                guard !state.refusing else { return false }
                state.connections += [client, server]
                return true
            }
            guard admitted else {
                Glibc.close(client)
                Glibc.close(server)
                continue
            }
            Thread { Self.relay(from: client, to: server) }.start()
            Thread { Self.relay(from: server, to: client) }.start()
        }
    }

    private static func relay(from source: Int32, to destination: Int32) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(source, &buffer, buffer.count)
            guard count > 0, buffer.withUnsafeBytes({ write(destination, $0.baseAddress, count) }) == count else { break }
        }
        shutdown(destination, Int32(SHUT_RDWR))
        shutdown(source, Int32(SHUT_RDWR))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}
