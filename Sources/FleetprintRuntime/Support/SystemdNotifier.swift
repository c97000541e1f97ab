import Foundation

/// Tells systemd how the daemon is doing (`Type=notify`): the sd_notify(3) protocol spoken
/// directly, one datagram to the Unix socket in `$NOTIFY_SOCKET` (an abstract socket when it
/// starts with `@`), so the binary needs no libsystemd. Without `$NOTIFY_SOCKET` (not started by
/// systemd, or another unit type) every message is dropped.
public struct SystemdNotifier: Sendable {
    public static let socketVariable = "NOTIFY_SOCKET"

    /// Where messages go; nil when systemd did not ask for them.
    public let socketPath: String?
    /// How often to send `WATCHDOG=1`: half of `$WATCHDOG_USEC`, as sd_watchdog_enabled(3)
    /// advises; nil when systemd keeps no watchdog on this process.
    public let watchdogInterval: Duration?

    /// Reads the protocol's variables from `environment`; `processID` is this process's, which
    /// `$WATCHDOG_PID` must name when set (a child started by the daemon must not ping for it).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, processID: Int32 = getpid()) {
        let path = environment[Self.socketVariable].flatMap { $0.isEmpty ? nil : $0 }
        socketPath = path
        let forThisProcess = environment["WATCHDOG_PID"].map { Int32($0) == processID } ?? true
        if path != nil, forThisProcess, let microseconds = environment["WATCHDOG_USEC"].flatMap(Int64.init), microseconds > 0 {
            watchdogInterval = .microseconds(microseconds / 2)
        } else {
            watchdogInterval = nil
        }
    }

    /// Sends `fields` (`READY=1`, `STATUS=...`) as one message; false when there is nowhere to
    /// send it or the socket refused it. A daemon carries on either way, as with sd_notify.
    @discardableResult
    public func send(_ fields: String...) -> Bool {
        guard let socketPath else { return false }
        // An abstract socket's name begins with a zero byte and is not terminated by one.
        let abstract = socketPath.hasPrefix("@")
        let name = abstract ? [0] + Array(socketPath.utf8.dropFirst()) : Array(socketPath.utf8)
        var address = sockaddr_un()
        guard name.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: name) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + name.count + (abstract ? 0 : 1))
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let message = Array(fields.joined(separator: "\n").utf8)
        let sent = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(descriptor, message, message.count, Int32(MSG_NOSIGNAL), $0, length) }
        }
        return sent == message.count
    }
}
