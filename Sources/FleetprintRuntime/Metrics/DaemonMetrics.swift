import Foundation
import Impact
import Synchronization

/// The daemon's operating numbers for Prometheus `/metrics`: written by the daemon's loop,
/// read by the metrics server's thread.
public final class DaemonMetrics: Sendable {
    struct Snapshot {
        var counters = PipelineCounters()
        var devices = 0
        var openWorkOrders = 0
        /// Journal entries received but not yet processed.
        var queueDepth: Int64 = 0
        /// Seconds from a message's arrival to the end of its processing, for the latest one.
        var lagSeconds = 0.0
        /// Publishes that failed outright (work orders stay in the outbox and are sent again).
        var publishFailures = 0
        /// Publishes the broker refused (MQTT 5 reason codes: an ACL, say).
        var publishRefusals = 0
        /// Dead letters not published because the broker was away with too many waiting.
        var deadLettersUnpublished = 0
        /// Work orders waiting for the broker's acknowledgement (as of the last look).
        var outbox = 0
        var disconnects = 0
        var reconnects = 0
    }

    private let snapshot = Mutex(Snapshot())

    public init() {}

    func update(_ change: (inout Snapshot) -> Void) {
        snapshot.withLock { change(&$0) }
    }

    /// The Prometheus text exposition format (version 0.0.4).
    public func exposition() -> String {
        let now = snapshot.withLock { $0 }
        var lines: [String] = []
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            lines.append("# HELP fleetprint_\(name) \(help)")
            lines.append("# TYPE fleetprint_\(name) \(type)")
            for sample in samples { lines.append("fleetprint_\(name)\(sample.labels) \(sample.value)") }
        }
        let counters = now.counters
        metric("messages_total", "counter", "Messages received and processed.", [("", "\(counters.messages)")])
        metric("readings_total", "counter", "Readings accepted by the CBM engine.", [("", "\(counters.readings)")])
        metric("dead_letters_total", "counter", "Messages rejected, by reason (decode errors among them).",
               counters.deadLetters.keys.sorted().map { ("{reason=\"\($0)\"}", "\(counters.deadLetters[$0]!)") })
        metric("rules_fired_total", "counter", "CBM rule firings that issued a work order.", [("", "\(counters.workOrdersIssued)")])
        metric("work_orders_closed_total", "counter", "Work orders closed by service reports or by their fault clearing.", [("", "\(counters.workOrdersClosed)")])
        metric("service_reports_total", "counter", "Service reports applied.", [("", "\(counters.serviceReports)")])
        metric("open_work_orders", "gauge", "Work orders open now.", [("", "\(now.openWorkOrders)")])
        metric("devices", "gauge", "Devices known to this instance.", [("", "\(now.devices)")])
        metric("queue_depth", "gauge", "Journaled messages not yet processed.", [("", "\(now.queueDepth)")])
        metric("lag_seconds", "gauge", "Arrival to processed, for the latest message.", [("", String(format: "%.6f", now.lagSeconds))])
        metric("publish_failures_total", "counter", "Publishes that failed outright; work orders among them are sent again from the outbox.", [("", "\(now.publishFailures)")])
        metric("publish_refusals_total", "counter", "Publishes the broker refused (MQTT 5 only; with 3.1.1 a broker cannot say so).", [("", "\(now.publishRefusals)")])
        metric("dead_letters_unpublished_total", "counter", "Dead letters dropped while the broker was away with too many waiting.", [("", "\(now.deadLettersUnpublished)")])
        metric("outbox", "gauge", "Work orders waiting for the broker's acknowledgement.", [("", "\(now.outbox)")])
        metric("broker_disconnects_total", "counter", "Connections to a broker lost.", [("", "\(now.disconnects)")])
        metric("broker_reconnects_total", "counter", "Connections to a broker made again after a loss.", [("", "\(now.reconnects)")])
        return lines.joined(separator: "\n") + "\n"
    }
}
