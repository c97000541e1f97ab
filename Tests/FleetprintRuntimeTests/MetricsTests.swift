import FleetprintTestSupport
import Foundation
import Impact
import MQTT
import Pipeline
import Testing
@testable import FleetprintRuntime

@Suite("Metrics: swift-metrics on a Prometheus registry")
struct MetricsTests {
    @Test("the pipeline's counters count from this process's start, with dead letters by reason, per-kind series and the gauges")
    func pipelineCounters() throws {
        let library = try BoilerStream.library()
        var pipeline = FleetPipeline(library: library)
        let stream = BoilerStream.fouling(device: "b-1")
        // What a restored state had counted before this process started.
        for message in stream.prefix(10) { _ = pipeline.ingest(topic: message.topic, payload: message.payload) }
        let metrics = DaemonMetrics()
        var feed = PipelineMetricsFeed(metrics: metrics, kinds: library.profiles.map(\.kind), from: pipeline.state.counters)
        for message in stream.dropFirst(10) + [(BoilerStream.topic("b-1"), Array(#"{"ts":1767225600000,,}"#.utf8))] {
            feed.issued(pipeline.ingest(topic: message.topic, payload: message.payload).workOrders)
        }
        feed.report(pipeline.state, backlog: 7, intakeFullWaits: 2, socketReads: SocketReads(served: 40, fromKernel: 3))

        let text = metrics.exposition()
        func value(_ series: String) -> Double? { MetricsScrape.value(series, in: text) }
        #expect(value("fleetprint_messages_total") == Double(stream.count - 10 + 1))
        #expect(value("fleetprint_readings_total") == Double((stream.count - 10) * 9))
        #expect(value("fleetprint_dead_letters_total{reason=\"malformed\"}") == 1)
        #expect(value("fleetprint_rules_fired_total") == 1)
        #expect(value("fleetprint_kind_work_orders_total{kind=\"boiler\"}") == 1)
        #expect(value("fleetprint_kind_work_orders_total{kind=\"speedgate\"}") == 0)
        #expect(value("fleetprint_kind_devices{kind=\"boiler\"}") == 1)
        #expect(value("fleetprint_devices") == 1)
        #expect(value("fleetprint_open_work_orders") == 1)
        #expect(value("fleetprint_queue_depth") == 7)
        #expect(value("fleetprint_intake_full_waits_total") == 2)
        #expect(value("fleetprint_mqtt_reads_total") == 40)
        #expect(value("fleetprint_mqtt_kernel_reads_total") == 3)
        #expect(text.contains("# TYPE fleetprint_queue_depth gauge\n"))
        #expect(text.contains("# HELP fleetprint_messages_total Messages processed"))
    }

    @Test("each live message's arrival-to-processed latency lands in the histogram's buckets, and its kind is counted")
    func latencyHistogram() throws {
        let library = try BoilerStream.library()
        let parser = MessageParser(library: library)
        let metrics = DaemonMetrics()
        var feed = PipelineMetricsFeed(metrics: metrics, kinds: library.profiles.map(\.kind), from: PipelineCounters())
        let now = Date().timeIntervalSince1970
        let boiler = parser.parse(topic: BoilerStream.topic("b-1"), payload: BoilerStream.payload(at: BoilerStream.start))
        feed.processed(boiler)
        // Stamped after now (the wall clock stepped back meanwhile): counted as no wait at all.
        let stranger = parser.parse(topic: "devices/toaster/t-1/telemetry", payload: Array("{}".utf8))
        feed.processed(stranger)
        feed.published(arrivals: [now - 3, now + 60])
        feed.report(PipelineState(), backlog: 0, intakeFullWaits: 0, socketReads: SocketReads(served: 0, fromKernel: 0))

        let text = metrics.exposition()
        func value(_ series: String) -> Double? { MetricsScrape.value(series, in: text) }
        #expect(text.contains("# TYPE fleetprint_arrival_to_processed_seconds histogram\n"))
        #expect(value("fleetprint_arrival_to_processed_seconds_bucket{le=\"0.0005\"}") == 1)
        #expect(value("fleetprint_arrival_to_processed_seconds_bucket{le=\"2.5\"}") == 1)
        #expect(value("fleetprint_arrival_to_processed_seconds_bucket{le=\"5.0\"}") == 2)
        #expect(value("fleetprint_arrival_to_processed_seconds_bucket{le=\"+Inf\"}") == 2)
        #expect(value("fleetprint_arrival_to_processed_seconds_count") == 2)
        #expect(abs((value("fleetprint_arrival_to_processed_seconds_sum") ?? 0) - 3) < 0.5)
        #expect(value("fleetprint_kind_messages_total{kind=\"boiler\"}") == 1)
        #expect(value("fleetprint_lag_seconds") == 0)
    }

    @Test("the exposition names the build and carries the standard process metrics, read at each scrape")
    func buildAndProcess() throws {
        let metrics = DaemonMetrics(version: "9.8.7")
        let first = metrics.exposition()
        let cpuBefore = try #require(MetricsScrape.value("process_cpu_seconds_total", in: first))
        var spin = 0.0
        for index in 0..<2_000_000 { spin += sqrt(Double(index)) }
        #expect(spin > 0)
        let text = metrics.exposition()
        func value(_ series: String) -> Double? { MetricsScrape.value(series, in: text) }
        #expect(value("fleetprint_build_info{version=\"9.8.7\"}") == 1)
        #expect(text.contains("# TYPE process_cpu_seconds_total counter\n"))
        #expect((value("process_cpu_seconds_total") ?? 0) >= cpuBefore)
        #expect((value("process_resident_memory_bytes") ?? 0) > 1_000_000)
        #expect((value("process_open_fds") ?? 0) >= 3)
        #expect((value("process_max_fds") ?? 0) >= (value("process_open_fds") ?? .infinity))
        let started = value("process_start_time_seconds") ?? 0
        #expect(started <= Date().timeIntervalSince1970 && started > Date().timeIntervalSince1970 - 86_400)
    }

    @Test("a push that finds the intake full waits for room and is counted once, however long it waits")
    func intakeFullWaits() throws {
        let queue = IntakeQueue<Int>(capacity: 1)
        #expect(queue.push(1))
        Thread { _ = queue.push(2) }.start()
        let deadline = Date().addingTimeInterval(5)
        while queue.fullWaits == 0, Date() < deadline { usleep(1_000) }
        // Longer than two of its 50 ms waits for room.
        usleep(150_000)
        #expect(queue.fullWaits == 1)
        #expect(queue.take(waitingAtMost: .milliseconds(10)) == [1])
        var second: [Int] = []
        while second.isEmpty, Date() < deadline { second = queue.take(waitingAtMost: .milliseconds(100)) ?? [] }
        #expect(second == [2])
        #expect(queue.fullWaits == 1)
    }
}
