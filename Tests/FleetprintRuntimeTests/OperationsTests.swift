import FleetprintTestSupport
import Foundation
import Testing
@testable import FleetprintRuntime

@Suite("Operations: metrics and bounded logs")
struct OperationsTests {
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
    @Test("a scrape is answered while other connections sit idle")
    func idleConnections() throws {
        let port = try FreePort.loopback()
        let socket = try MetricsSocket(host: "127.0.0.1", port: port)
        defer { socket.close() }
        let metrics = DaemonMetrics()
        Thread { socket.serve { path in path == "/metrics" ? metrics.exposition() : nil } }.start()
        let idle = (0..<3).map { _ in MetricsScrape.connect(port) }
        defer { idle.forEach { Glibc.close($0) } }
        #expect(idle.allSatisfy { $0 >= 0 })

        let started = Date()
        // A server that waited on the idle ones would fail this test here, not hang it.
        let response = MetricsScrape.get(port: port)
        #expect(response.hasPrefix("HTTP/1.0 200 OK"))
        #expect(MetricsScrape.body(of: response).flatMap { MetricsScrape.value("fleetprint_messages_total", in: $0) } == 0)
        // Well before the idle connections' timeout: they did not hold it up.
        #expect(Date().timeIntervalSince(started) < Double(MetricsSocket.timeoutSeconds))
    }
}
