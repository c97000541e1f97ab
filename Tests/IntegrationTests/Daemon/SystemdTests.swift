import FleetprintRuntime
import FleetprintTestSupport
import Foundation
import Testing

/// `fleetprint run` as systemd runs it: notifications on `$NOTIFY_SOCKET`, its log on journald's stream.
@Suite("The daemon under systemd")
final class SystemdTests {
    /// Each test's own broker and scratch folder.
    let broker: LocalBroker
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-systemd-\(UUID().uuidString)")

    init() throws {
        broker = try TestBroker.started()
    }

    deinit {
        broker.stop()
        try? FileManager.default.removeItem(at: root)
    }

    @Test("with NOTIFY_SOCKET the daemon says READY=1 once subscribed, pings the watchdog, and says STOPPING=1 on SIGTERM")
    func notifications() async throws {
        let listener = try NotifySocketListener(abstract: true)
        // A watchdog of 1 s: a ping every half second from the pipeline loop.
        let daemon = try DaemonProcess(instance: "systemd", stateDirectory: root, broker: broker.url,
                                       environment: ["NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "1000000"])
        let startup = try #require(listener.messages(until: "READY=1", within: 20), "READY=1; the daemon said: \(daemon.output)")
        #expect(daemon.output.contains("subscribed"), "ready only once subscribed")
        #expect(startup.last?.contains("STATUS=subscribed to 1 broker") == true)
        let running = try #require(listener.messages(until: "WATCHDOG=1", within: 5), "a watchdog ping")
        #expect(!running.contains { $0.contains("STOPPING=1") })
        #expect(daemon.terminate() == 0)
        #expect(listener.messages(until: "STOPPING=1", within: 5) != nil, "STOPPING=1 on SIGTERM")
    }

    @Test("on journald's stream, log lines carry a syslog priority and no time; --log-format json gives an object per line")
    func logLines() async throws {
        let journal = try DaemonProcess(instance: "journal", stateDirectory: root.appendingPathComponent("text"), broker: broker.url,
                                        arguments: ["--log-level", "debug"], logToJournal: true)
        try await eventually(20, "the daemon has subscribed") { journal.output.contains("subscribed") }
        #expect(journal.terminate() == 0)
        let lines = journal.output.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("<6>info fleetprint.run: subscribed ") }, "\(journal.output)")

        let json = try DaemonProcess(instance: "json", stateDirectory: root.appendingPathComponent("json"), broker: broker.url,
                                     arguments: ["--log-format", "json"])
        try await eventually(20, "the daemon has subscribed") { json.output.contains("subscribed") }
        #expect(json.terminate() == 0)
        let objects = json.output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let subscribed = try #require(objects.first { $0["message"] as? String == "subscribed" }, "\(json.output)")
        #expect(subscribed["level"] as? String == "info" && subscribed["label"] as? String == "fleetprint.run" && subscribed["time"] is String)
        #expect(((subscribed["metadata"] as? [String: Any])?["broker"] as? String)?.contains("127.0.0.1") == true)
    }
}
