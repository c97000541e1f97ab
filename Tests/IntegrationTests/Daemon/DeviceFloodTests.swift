import FleetprintTestSupport
import Foundation
import MQTT
import Testing

/// Anyone who can publish telemetry must not be able to grow the daemon's state without bound.
@Suite("A flood of new device ids")
struct DeviceFloodTests {
    @Test("10,000 new device ids beyond a limit of 5,000 are dead-lettered device-limit; the state keeps 5,000 and memory does not grow with the rest")
    func beyondTheLimit() async throws {
        let bench = try await DaemonBench("flood")
        defer { bench.stop() }
        let (broker, root, seen) = (bench.broker, bench.root, bench.seen)
        let configuration = root.appendingPathComponent("fleetprint.yaml")
        try "summary_interval: 1 s\nlimits:\n  max_devices_per_kind: 5000\n".write(to: configuration, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(instance: "flood", stateDirectory: root.appendingPathComponent("state"), broker: broker.url,
                                       arguments: ["--config", configuration.path])
        try await eventually(20, "the daemon's first summary") { seen.latest("flood") != nil }

        // 15,000 made-up boilers over 50 minutes of event time: 5,000 fit, 10,000 do not.
        let stream = (0..<15_000).map { index in
            (topic: BoilerStream.topic("fake-\(index)"), payload: BoilerStream.payload(at: BoilerStream.start.addingTimeInterval(Double(index) * 0.2)))
        }
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        try await TestClients.publish(Array(stream[..<5_000]), with: publisher)
        try await eventually(120, "the first 5,000 counted") { seen.latest("flood")?.counters.messages == 5_000 }
        let atLimit = try Self.residentBytes(daemon.pid)
        try await TestClients.publish(Array(stream[5_000...]), with: publisher)
        try await eventually(120, "every message counted") { seen.latest("flood")?.counters.messages == 15_000 }
        let summary = try #require(seen.latest("flood"))
        #expect(summary.devices == 5_000)
        #expect(summary.counters.deadLetters["device-limit"] == 10_000)
        // Refused devices leave nothing behind: well under 64 MB for 10,000 of them (a device in
        // the state costs about 28 KB, so admitting them would take about 280 MB).
        let growth = try Self.residentBytes(daemon.pid) - atLimit
        #expect(growth < 64 << 20, "resident memory grew by \(growth >> 20) MB for refused devices")
        #expect(daemon.terminate() == 0)
    }

    /// VmRSS of a process, from /proc.
    private static func residentBytes(_ pid: Int32) throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else {
            throw Shell.Failure(description: "no VmRSS for \(pid)")
        }
        return kilobytes * 1024
    }
}
