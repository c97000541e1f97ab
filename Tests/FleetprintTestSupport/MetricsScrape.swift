import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Prometheus scrape over plain HTTP/1.0 on loopback, as the daemon's small metrics server
/// speaks it: the tests read /metrics the way a scraper does, with no HTTP library between.
public enum MetricsScrape {
    /// A TCP connection to 127.0.0.1:`port`, or -1.
    public static func connect(_ port: Int) -> Int32 {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(client)
            return -1
        }
        return client
    }

    /// The whole response to `GET path` (status line, headers and body); empty when nothing
    /// answers within `timeoutSeconds`.
    public static func get(_ path: String = "/metrics", port: Int, timeoutSeconds: Int = 3) -> String {
        let client = connect(port)
        guard client >= 0 else { return "" }
        defer { close(client) }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET \(path) HTTP/1.0\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(client, $0.baseAddress, $0.count) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(client, &buffer, buffer.count)
            guard count > 0 else { break }
            response += buffer[..<count]
        }
        return String(decoding: response, as: UTF8.self)
    }

    /// The exposition of a 200 response, without status line and headers; nil for anything else.
    public static func body(of response: String) -> String? {
        guard response.hasPrefix("HTTP/1.0 200"), let end = response.range(of: "\r\n\r\n") else { return nil }
        return String(response[end.upperBound...])
    }

    /// The value of one series, named with its labels as the exposition writes them
    /// (`fleetprint_kind_devices{kind="boiler"}`); nil when absent.
    public static func value(_ series: String, in exposition: String) -> Double? {
        exposition.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
    }
}
