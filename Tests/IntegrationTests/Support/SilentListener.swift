import FleetprintRuntime
#if canImport(Glibc)
import Glibc
#endif

/// A loopback socket that completes the TCP handshake (the kernel does that from the backlog)
/// but never speaks MQTT: a hung broker, for connect-timeout tests.
final class SilentListener {
    let port: Int
    private let descriptor: Int32

    init() throws {
        port = try FreePort.loopback()
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let ready = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        } && listen(descriptor, 8) == 0
        guard ready else { throw Shell.Failure(description: "cannot listen on 127.0.0.1:\(port)") }
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}
