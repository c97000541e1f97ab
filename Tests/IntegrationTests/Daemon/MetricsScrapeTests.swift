import FleetprintTestSupport
import Foundation
import Testing
@testable import FleetprintRuntime

@Suite("/metrics of a running daemon")
struct MetricsScrapeTests {
    private struct Scrape {
        var response: String
        var exposition: String
        var broker: String
        var fleet: [(topic: String, payload: [UInt8])]
        var bad: BadInputs.Stream
        /// Every message but the stranger's, whose topic the daemon does not subscribe to.
        var delivered: Int { fleet.count + bad.messages.count - 1 }

        func value(_ series: String) -> Double? { MetricsScrape.value(series, in: exposition) }
    }

    /// `fleetprint run --metrics` after three fouling boilers and one of every class of bad
    /// input, scraped once it has processed them all.
    private static func scrapeAfterTraffic() async throws -> Scrape {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-metrics-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        let port = try FreePort.loopback()
        let daemon = try DaemonProcess(instance: "scraped", stateDirectory: state, broker: broker.url, arguments: ["--metrics", "127.0.0.1:\(port)"])
        defer { _ = daemon.terminate() }
        try await eventually(20, "the daemon subscribed") { daemon.output.contains("subscribed") }

        var scrape = Scrape(response: "", exposition: "", broker: broker.url, fleet: BoilerFleet.fouling(devices: 3), bad: BadInputs.interleaved(device: "b-9"))
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        try await TestClients.publish(scrape.fleet + scrape.bad.messages, with: publisher)
        let delivered = Double(scrape.delivered)
        try await eventually(30, "every message processed") {
            MetricsScrape.body(of: MetricsScrape.get(port: port)).flatMap { MetricsScrape.value("fleetprint_messages_total", in: $0) } == delivered
        }
        scrape.response = MetricsScrape.get(port: port)
        scrape.exposition = try #require(MetricsScrape.body(of: scrape.response))
        return scrape
    }

    @Test("the scrape counts the traffic: per kind, dead letters by reason, the latency histogram, the broker, the build and the process")
    func traffic() async throws {
        let scrape = try await Self.scrapeAfterTraffic()
        #expect(scrape.response.contains("Content-Type: text/plain; version=0.0.4\r\n"))
        let delivered = Double(scrape.delivered)
        #expect(scrape.value("fleetprint_arrival_to_processed_seconds_count") == delivered)
        #expect(scrape.value("fleetprint_arrival_to_processed_seconds_bucket{le=\"+Inf\"}") == delivered)
        // Undecodable messages have no kind; every decoded one is the boiler's.
        let boilerMessages = try #require(scrape.value("fleetprint_kind_messages_total{kind=\"boiler\"}"))
        #expect(boilerMessages >= Double(scrape.fleet.count) && boilerMessages < delivered)
        #expect(scrape.value("fleetprint_kind_work_orders_total{kind=\"boiler\"}") == 3)
        #expect(scrape.value("fleetprint_rules_fired_total") == 3)
        #expect(scrape.value("fleetprint_kind_devices{kind=\"boiler\"}") == 4)
        for reason in scrape.bad.reasons where reason != "unknown-topic" {
            #expect(scrape.value("fleetprint_dead_letters_total{reason=\"\(reason)\"}") == 1, "\(reason)")
        }
        #expect(scrape.value("fleetprint_broker_connected{broker=\"\(scrape.broker)\"}") == 1)
        #expect(scrape.value("fleetprint_broker_disconnects_total{broker=\"\(scrape.broker)\"}") == 0)
        #expect(scrape.value("fleetprint_intake_full_waits_total") == 0)
        // libmosquitto read each message in three or more reads, from the read-ahead.
        let reads = try #require(scrape.value("fleetprint_mqtt_reads_total"))
        let kernelReads = try #require(scrape.value("fleetprint_mqtt_kernel_reads_total"))
        #expect(reads >= 3 * delivered)
        #expect(kernelReads >= 1 && kernelReads < reads)
        #expect(scrape.value("fleetprint_build_info{version=\"\(FleetprintVersion.current)\"}") == 1)
        #expect((scrape.value("process_open_fds") ?? 0) > 0)
        #expect((scrape.value("process_resident_memory_bytes") ?? 0) > 0)
        #expect(abs((scrape.value("process_start_time_seconds") ?? 0) - Date().timeIntervalSince1970) < 120)
    }

    @Test("promtool check metrics finds nothing to complain about in the scrape",
          .enabled(if: Promtool.executable != nil, "promtool is not installed (Debian's prometheus package; make test and .ci/run install it)"))
    func promtoolCheck() async throws {
        let scrape = try await Self.scrapeAfterTraffic()
        let verdict = try Promtool.checkMetrics(scrape.exposition)
        #expect(verdict.status == 0 && verdict.output.isEmpty, "promtool: \(verdict.output)")
    }
}
