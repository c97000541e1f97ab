import Foundation
import Impact
import Testing
@testable import FleetprintRuntime

@Suite("Operations: metrics and bounded logs")
struct OperationsTests {
    @Test("the metrics exposition carries every counter, dead letters by reason, queue depth and lag")
    func exposition() {
        let metrics = DaemonMetrics()
        metrics.update { snapshot in
            snapshot.counters.messages = 12
            snapshot.counters.deadLetters = ["too-large": 2, "malformed": 1]
            snapshot.counters.workOrdersIssued = 3
            snapshot.queueDepth = 7
            snapshot.lagSeconds = 0.25
        }
        let text = metrics.exposition()
        #expect(text.contains("fleetprint_messages_total 12\n"))
        #expect(text.contains("fleetprint_dead_letters_total{reason=\"malformed\"} 1\nfleetprint_dead_letters_total{reason=\"too-large\"} 2\n"))
        #expect(text.contains("fleetprint_rules_fired_total 3\n"))
        #expect(text.contains("fleetprint_queue_depth 7\n"))
        #expect(text.contains("fleetprint_lag_seconds 0.250000\n"))
        #expect(text.contains("# TYPE fleetprint_queue_depth gauge\n"))
    }

    @Test("a summary that took long to price pushes the next one back to ten times its cost")
    func summarySpacing() {
        var clock = DaemonClock(summaryEvery: 0, checkpointEvery: 60)
        let first = clock.summaryDue()
        clock.summaryTook(30)
        let afterSlowPricing = clock.summaryDue()
        clock.summaryTook(0)
        let afterQuickPricing = clock.summaryDue()
        #expect(first)
        #expect(!afterSlowPricing, "a 30 s pricing must wait 300 s, not the configured 0 s")
        #expect(afterQuickPricing)
    }

    @Test("the log limiter lets a few lines a second through and tallies the rest for the next one")
    func rateLimit() {
        var limiter = LogRateLimiter(perSecond: 2)
        let second = Date(timeIntervalSince1970: 1_000)
        let first = (0..<10).map { _ in limiter.admit(at: second) }
        #expect(first.map(\.allowed) == [true, true] + Array(repeating: false, count: 8))
        let next = limiter.admit(at: second.addingTimeInterval(1))
        #expect(next.allowed && next.suppressed == 8)
        #expect(limiter.admit(at: second.addingTimeInterval(1)).suppressed == 0)
    }

    @Test("a metrics address that is not host:port is refused with the field")
    func badMetricsAddress() {
        #expect {
            try MetricsServer(address: "9464", metrics: DaemonMetrics(), logger: .init(label: "test"))
        } throws: { error in
            "\(error)".contains("metrics: expected host:port")
        }
    }
}

@Suite("The metrics endpoint")
struct MetricsEndpointTests {
    /// A TCP connection to 127.0.0.1:`port`, or -1.
    private static func connect(_ port: Int) -> Int32 {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0 ? client : -1
    }

    @Test("a scrape is answered while other connections sit idle")
    func idleConnections() throws {
        let port = try FreePort.loopback()
        let socket = try MetricsSocket(host: "127.0.0.1", port: port)
        defer { socket.close() }
        let metrics = DaemonMetrics()
        Thread { socket.serve { path in path == "/metrics" ? metrics.exposition() : nil } }.start()
        let idle = (0..<3).map { _ in Self.connect(port) }
        defer { idle.forEach { Glibc.close($0) } }
        #expect(idle.allSatisfy { $0 >= 0 })

        let started = Date()
        let scraper = Self.connect(port)
        defer { Glibc.close(scraper) }
        // A server that waited on the idle ones would fail this test here, not hang it.
        var timeout = timeval(tv_sec: 3, tv_usec: 0)
        setsockopt(scraper, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET /metrics HTTP/1.0\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { write(scraper, $0.baseAddress, $0.count) }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(scraper, &buffer, buffer.count)
            guard count > 0 else { break }
            response += buffer[..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        #expect(text.hasPrefix("HTTP/1.0 200 OK"))
        #expect(text.contains("fleetprint_messages_total 0"))
        // Well before the idle connections' timeout: they did not hold it up.
        #expect(Date().timeIntervalSince(started) < Double(MetricsSocket.timeoutSeconds))
    }
}
