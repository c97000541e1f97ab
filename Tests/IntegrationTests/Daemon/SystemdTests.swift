import FleetprintTestSupport
import Foundation
import Testing

/// `fleetprint run` as systemd runs it: notifications on `$NOTIFY_SOCKET`.
@Suite("The daemon under systemd")
struct SystemdTests {
    @Test("with NOTIFY_SOCKET the daemon says READY=1 once subscribed, pings the watchdog, and says STOPPING=1 on SIGTERM")
    func notifications() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-systemd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
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
}
