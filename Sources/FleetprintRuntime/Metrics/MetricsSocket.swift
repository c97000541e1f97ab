import Foundation
import Synchronization

/// The listening socket of the metrics endpoint, with just enough HTTP/1.0 to answer a scrape.
final class MetricsSocket: Sendable {
    private let descriptor: Int32
    private let closed = Atomic<Bool>(false)

    init(host: String, port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        guard inet_pton(AF_INET, host == "localhost" ? "127.0.0.1" : host, &address.sin_addr) == 1 else {
            Glibc.close(descriptor)
            throw DaemonConfigurationError(file: "configuration", line: nil, field: "metrics", message: "'\(host)' is not an IPv4 address")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw DaemonConfigurationError(file: "configuration", line: nil, field: "metrics", message: "cannot listen on \(host):\(port): \(reason)")
        }
    }

    /// Connections answered at once; one more is closed unanswered (a scraper retries).
    static let maxConnections = 16
    /// How long one connection may take to send its request and read the answer.
    static let timeoutSeconds = 5
    private let active = Atomic<Int>(0)

    /// Answers requests until `close()`; `respond` maps a path to a body, or nil for 404. Each
    /// connection is answered on a thread of its own with a timeout, so an idle or slow client
    /// never holds up the next scrape.
    func serve(_ respond: @escaping @Sendable (String) -> String?) {
        while !closed.load(ordering: .relaxed) {
            let client = accept(descriptor, nil, nil)
            guard client >= 0 else { continue }
            guard active.add(1, ordering: .relaxed).newValue <= Self.maxConnections else {
                active.subtract(1, ordering: .relaxed)
                Glibc.close(client)
                continue
            }
            let thread = Thread { [self] in
                Self.answer(client, respond)
                self.active.subtract(1, ordering: .relaxed)
            }
            thread.start()
        }
    }

    private static func answer(_ client: Int32, _ respond: (String) -> String?) {
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(client, &buffer, buffer.count)
        let request = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        let words = request.split(separator: " ", maxSplits: 2)
        let body = words.count >= 2 && words[0] == "GET" ? respond(String(words[1])) : nil
        let response = body.map { "HTTP/1.0 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: \($0.utf8.count)\r\n\r\n\($0)" }
            ?? "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n"
        _ = response.utf8CString.withUnsafeBufferPointer { write(client, $0.baseAddress, $0.count - 1) }
        Glibc.close(client)
    }

    func close() {
        guard !closed.exchange(true, ordering: .relaxed) else { return }
        shutdown(descriptor, Int32(SHUT_RDWR))
        Glibc.close(descriptor)
    }
}
