import Foundation

/// Plays systemd's side of sd_notify(3) in a test: a Unix datagram socket bound in a temporary
/// folder (or in the abstract namespace), whose `address` is what `$NOTIFY_SOCKET` would hold.
public final class NotifySocketListener: Sendable {
    public let address: String
    private let descriptor: Int32
    private let folder: URL?

    /// `abstract`: bound to a name in the abstract namespace, given as `@name` the way systemd does.
    public init(abstract: Bool = false) throws {
        let name = "fleetprint-notify-\(UUID().uuidString.prefix(8))"
        folder = abstract ? nil : FileManager.default.temporaryDirectory.appendingPathComponent(name)
        if let folder { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        address = folder.map { $0.appendingPathComponent("notify").path } ?? "@\(name)"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        let bytes = abstract ? [0] + Array(name.utf8) : Array(address.utf8)
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let bound = withUnsafePointer(to: &socketAddress) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
        guard descriptor >= 0, bound == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot bind \(address): \(String(cString: strerror(errno)))"])
        }
    }

    /// The next message, or nil when none arrives within `seconds`.
    public func receive(within seconds: Double) -> String? {
        // A zero timeout would mean "wait forever".
        let seconds = max(seconds, 0.001)
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(descriptor, &buffer, buffer.count, 0)
        return count >= 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
    }

    /// Messages until one has `field` among its lines (which is returned last), or nil when
    /// `seconds` pass first.
    public func messages(until field: String, within seconds: Double) -> [String]? {
        let deadline = Date().addingTimeInterval(seconds)
        var received: [String] = []
        while true {
            let left = deadline.timeIntervalSinceNow
            guard left > 0, let message = receive(within: left) else { return nil }
            received.append(message)
            if message.split(separator: "\n").contains(Substring(field)) { return received }
        }
    }

    deinit {
        close(descriptor)
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }
}
