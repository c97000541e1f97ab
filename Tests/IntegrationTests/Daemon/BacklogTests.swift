import FleetModel
import FleetprintTestSupport
import Foundation
import MQTT
import Store
import Testing
@testable import FleetprintRuntime

/// The daemon restarted after an outage, with what the broker queued for its persistent session.
@Suite("Draining a backlog")
struct BacklogTests {
    /// The daemon `instance` started once and stopped cleanly, so that its persistent session
    /// queues what is published next.
    private static func absentDaemon(_ instance: String, root: URL, broker: String, arguments: [String] = [],
                                     seen: Summaries) async throws -> DaemonProcess {
        let daemon = try DaemonProcess(instance: instance, stateDirectory: root.appendingPathComponent(instance), broker: broker, arguments: arguments)
        try await eventually(20, "\(instance)'s first summary") { seen.latest(instance) != nil }
        #expect(daemon.terminate() == 0)
        return daemon
    }

    @Test("a restart with 100,000 queued messages drains them all, whatever comes before the SUBACK")
    func hundredThousand() async throws {
        let bench = try await DaemonBench("backlog")
        defer { bench.stop() }
        let (broker, root, seen) = (bench.broker, bench.root, bench.seen)
        let absent = try await Self.absentDaemon("drain", root: root, broker: broker.url, seen: seen)

        let stream = BoilerFleet.fouling(devices: 1_389)
        #expect(stream.count >= 100_000)
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        try await TestClients.publish(stream, with: publisher)

        let daemon = try DaemonProcess(instance: "drain", stateDirectory: absent.stateDirectory, broker: broker.url)
        let expected = stream.count * BoilerFleet.readingsPerMessage
        let deadline = Date().addingTimeInterval(300)
        while seen.latest("drain")?.counters.readings != expected, daemon.isRunning, Date() < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(daemon.isRunning, "the daemon exited: \(daemon.output.suffix(2_000))")
        #expect(seen.latest("drain")?.counters.readings == expected)
        #expect(seen.latest("drain")?.counters.messages == stream.count)
        #expect(seen.latest("drain")?.counters.workOrdersIssued == 1_389)
        #expect(daemon.output.contains("session_present=true"))
        #expect(daemon.terminate() == 0)
    }

    @Test("killed with -9 at five random moments while draining a backlog, it ends with the orders and ledger of an uninterrupted run, every order published")
    func fiveKills() async throws {
        let bench = try await DaemonBench("kills")
        defer { bench.stop() }
        let (broker, root, seen) = (bench.broker, bench.root, bench.seen)
        // Frequent checkpoints, so the kills also fall between a checkpoint and the journal's trim.
        let configuration = root.appendingPathComponent("fleetprint.yaml")
        try "checkpoint_interval: 0.2 s\nsummary_interval: 0.5 s\n".write(to: configuration, atomically: true, encoding: .utf8)
        let arguments = ["--config", configuration.path]

        let steady = try DaemonProcess(instance: "steady", stateDirectory: root.appendingPathComponent("steady"), broker: broker.url)
        let absent = try await Self.absentDaemon("crashing", root: root, broker: broker.url, arguments: arguments, seen: seen)
        let stream = BoilerFleet.fouling(devices: 400)
        let expected = stream.count * BoilerFleet.readingsPerMessage
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        try await TestClients.publish(stream, with: publisher)
        try await eventually(120, "the steady daemon has every reading") { seen.latest("steady")?.counters.readings == expected }

        var random = SplitMix64(seed: UInt64(Date().timeIntervalSince1970))
        var delays: [Int] = []
        for _ in 1...5 {
            let crashing = try DaemonProcess(instance: "crashing", stateDirectory: absent.stateDirectory, broker: broker.url, arguments: arguments)
            delays.append(Int.random(in: 300...1_200, using: &random))
            try await Task.sleep(for: .milliseconds(delays.last!))
            crashing.kill9()
        }
        // The kills really fell while it drained: the last checkpoint has only part of the stream.
        let interrupted = try PipelineStateCoding.state(from: FleetStore(directory: absent.stateDirectory), library: ShippedProfiles.library).state
        #expect(interrupted.counters.readings < expected, "killed after \(delays) ms: the backlog was drained before the last kill")

        let crashing = try DaemonProcess(instance: "crashing", stateDirectory: absent.stateDirectory, broker: broker.url, arguments: arguments)
        try await eventually(180, "the crashing daemon has every reading (killed after \(delays) ms)") {
            seen.latest("crashing")?.counters.readings == expected
        }
        #expect(steady.terminate() == 0)
        #expect(crashing.terminate() == 0)
        try await DaemonOutcome.expectSame(steady: steady, crashing: crashing, seen: seen, kills: delays.count)
    }

    @Test("a journal on a full disk stops the daemon with a clear error and loses nothing; with space again everything is processed",
          .enabled(if: TmpfsMount.available, "mounting a small tmpfs needs root"))
    func fullJournalDisk() async throws {
        let bench = try await DaemonBench("full")
        defer { bench.stop() }
        let (broker, root, seen) = (bench.broker, bench.root, bench.seen)
        let disk = try TmpfsMount(kilobytes: 256)
        defer { disk.unmount() }
        let arguments = ["--journal", disk.directory.path]

        let daemon = try DaemonProcess(instance: "full", stateDirectory: root.appendingPathComponent("full"), broker: broker.url, arguments: arguments)
        try await eventually(20, "the daemon's first summary") { seen.latest("full") != nil }
        // About 1.6 MB of journal records for a 256 kB disk.
        let stream = BoilerFleet.fouling(devices: 80)
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        try await TestClients.publish(stream, with: publisher)

        let status = try await daemon.exitStatus(within: 30)
        #expect(status != nil && status != 0, "the daemon should have stopped with an error")
        #expect(daemon.output.contains("the journal cannot be written"))
        #expect(daemon.output.contains("No space left on device"))
        #expect(daemon.output.contains(disk.directory.path))

        try disk.resize(kilobytes: 16_384)
        let restarted = try DaemonProcess(instance: "full", stateDirectory: daemon.stateDirectory, broker: broker.url, arguments: arguments)
        try await eventually(120, "every reading after the restart") {
            seen.latest("full")?.counters.readings == stream.count * BoilerFleet.readingsPerMessage
        }
        #expect(seen.latest("full")?.counters.workOrdersIssued == 80)
        #expect(restarted.terminate() == 0)
    }
}
