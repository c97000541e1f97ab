import Foundation
import Testing

/// One daemon per state folder: a second one must not knock the first off the broker.
@Suite("The state folder")
struct StateFolderTests {
    @Test("a second daemon on the same state folder exits at once, naming the first one's PID")
    func secondDaemon() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-lock-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let first = try DaemonProcess(instance: "one", stateDirectory: root, broker: broker.url)
        try await eventually(20, "the first daemon has started") { FileManager.default.fileExists(atPath: root.appendingPathComponent("journal").path) }
        try await Task.sleep(for: .milliseconds(300))

        let second = try DaemonProcess(instance: "two", stateDirectory: root, broker: broker.url)
        let status = try await second.exitStatus(within: 15)
        #expect(status != nil && status != 0)
        #expect(second.output.contains("is in use by another fleetprint run (PID \(first.pid))"))
        #expect(first.isRunning)
        #expect(first.terminate() == 0)

        // The lock goes with its process, also after kill -9.
        let third = try DaemonProcess(instance: "three", stateDirectory: root, broker: broker.url)
        try await Task.sleep(for: .milliseconds(500))
        third.kill9()
        let fourth = try DaemonProcess(instance: "four", stateDirectory: root, broker: broker.url)
        try await Task.sleep(for: .milliseconds(800))
        #expect(fourth.isRunning, "\(fourth.output.suffix(500))")
        #expect(fourth.terminate() == 0)
    }
}
