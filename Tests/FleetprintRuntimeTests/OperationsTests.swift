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
