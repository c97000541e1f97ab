import CoreMetrics
import Foundation

/// The daemon's operating numbers for Prometheus `/metrics`: swift-metrics handles on a
/// swift-prometheus registry of its own rather than the process-wide `MetricsSystem`, so several
/// daemons in one test process keep theirs apart. The pipeline thread feeds them
/// (`PipelineMetricsFeed`), the publisher and the connection watchers count theirs, and the
/// metrics server's threads read them. Counters count from this process's start, as Prometheus
/// expects of a counter; the published summary has the totals since the state began.
public final class DaemonMetrics: Sendable {
    private let catalog: MetricCatalog
    private let process: ProcessMetrics

    let messages: Counter
    let readings: Counter
    let rulesFired: Counter
    let workOrdersClosed: Counter
    let serviceReports: Counter
    let openWorkOrders: Meter
    let devices: Meter
    let queueDepth: Meter
    let lag: Meter
    let arrivalToProcessed: CoreMetrics.Timer
    let intakeFullWaits: Counter
    let socketReadsServed: Counter
    let socketReadsFromKernel: Counter
    let publishFailures: Counter
    let publishRefusals: Counter
    let deadLettersUnpublished: Counter
    let outbox: Meter

    /// From well under the queue's quarter-millisecond poll to a backlog drained after minutes away.
    static let latencyBuckets: [Duration] = [.microseconds(500), .milliseconds(1), .microseconds(2_500), .milliseconds(5), .milliseconds(10),
                                             .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
                                             .seconds(1), .milliseconds(2_500), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(300)]

    public init(version: String = FleetprintVersion.current) {
        let catalog = MetricCatalog()
        self.catalog = catalog
        process = ProcessMetrics(catalog)
        catalog.gauge("fleetprint_build_info", "Always 1; the version of this fleetprint is its label.", labels: [("version", version)]).set(1)
        messages = catalog.counter("fleetprint_messages_total", "Messages processed, dead-lettered ones among them.")
        readings = catalog.counter("fleetprint_readings_total", "Readings accepted by the CBM engine.")
        rulesFired = catalog.counter("fleetprint_rules_fired_total", "CBM rule firings that issued a work order.")
        workOrdersClosed = catalog.counter("fleetprint_work_orders_closed_total", "Work orders closed by service reports or by their fault clearing.")
        serviceReports = catalog.counter("fleetprint_service_reports_total", "Service reports applied.")
        openWorkOrders = catalog.gauge("fleetprint_open_work_orders", "Work orders open now.")
        devices = catalog.gauge("fleetprint_devices", "Devices known to this instance.")
        queueDepth = catalog.gauge("fleetprint_queue_depth", "Journaled messages not yet processed.")
        lag = catalog.gauge("fleetprint_lag_seconds", "Arrival to processed, for the latest message.")
        arrivalToProcessed = catalog.timer("fleetprint_arrival_to_processed_seconds",
                                           "Seconds from a message's arrival in the MQTT callback to the end of its processing (live messages).",
                                           buckets: Self.latencyBuckets)
        intakeFullWaits = catalog.counter("fleetprint_intake_full_waits_total",
                                          "Messages that found the intake queue full and waited for room. Flow control drops nothing: while a message waits the network thread stops reading, and the broker keeps the rest.")
        socketReadsServed = catalog.counter("fleetprint_mqtt_reads_total",
                                            "libmosquitto's reads of its plain TCP sockets, served from the read-ahead (three or four a message).")
        socketReadsFromKernel = catalog.counter("fleetprint_mqtt_kernel_reads_total",
                                                "Reads of the kernel that filled the read-ahead, up to 64 KiB each: one serves many of libmosquitto's.")
        publishFailures = catalog.counter("fleetprint_publish_failures_total", "Publishes that failed outright; work orders among them are sent again from the outbox.")
        publishRefusals = catalog.counter("fleetprint_publish_refusals_total", "Publishes the broker refused (MQTT 5 only; with 3.1.1 a broker cannot say so).")
        deadLettersUnpublished = catalog.counter("fleetprint_dead_letters_unpublished_total",
                                                 "Dead letters dropped while the broker was away with too many outputs waiting.")
        outbox = catalog.gauge("fleetprint_outbox", "Work orders waiting for the broker's acknowledgement.")
    }

    func deadLetters(reason: String) -> Counter {
        catalog.counter("fleetprint_dead_letters_total", "Messages rejected, by reason (decode errors among them).", labels: [("reason", reason)])
    }

    // Per device kind, made once at start for every loaded profile.

    func kindMessages(_ kind: String) -> Counter {
        catalog.counter("fleetprint_kind_messages_total",
                        "Live messages read as this device kind's telemetry or service reports, dead-lettered ones among them (unreadable ones have no kind; the journal's replay at start is not counted).",
                        labels: [("kind", kind)])
    }

    func kindWorkOrders(_ kind: String) -> Counter {
        catalog.counter("fleetprint_kind_work_orders_total", "Work orders issued for devices of this kind (they add up to fleetprint_rules_fired_total).",
                        labels: [("kind", kind)])
    }

    func kindDevices(_ kind: String) -> Meter {
        catalog.gauge("fleetprint_kind_devices", "Devices of this kind known to this instance (limits.max_devices_per_kind caps it).", labels: [("kind", kind)])
    }

    func broker(_ broker: String, connected: Bool) -> BrokerMetrics {
        BrokerMetrics(broker: broker, connected: connected, catalog)
    }

    /// The Prometheus text exposition format (version 0.0.4), with the process metrics read now.
    public func exposition() -> String {
        process.refresh()
        return catalog.exposition()
    }
}
