import FleetprintRuntime
import Foundation
import MQTT
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Clear connection errors")
struct ConnectionErrorTests {
    @Test("a wrong password is refused with the broker's reason, not a hang")
    func wrongPassword() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-passwd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (broker, url) = try TestBroker.withPasswords(["engineer": "right-password"], in: directory)
        defer { broker.stop() }

        var wrong = try TestClients.configuration(url)
        wrong.username = "engineer"
        wrong.password = Secret("wrong-password")
        let started = ContinuousClock.now
        let error = await #expect(throws: MQTTError.self) {
            try await MQTTClient(wrong).connect()
        }
        #expect(ContinuousClock.now - started < .seconds(4))
        guard case let .connectionRefused(_, reason)? = error else {
            Issue.record("expected a refusal, got \(String(describing: error))")
            return
        }
        #expect(reason.localizedCaseInsensitiveContains("not authori"))
        #expect(!"\(error!)".contains("wrong-password"))

        var right = wrong
        right.password = Secret("right-password")
        let client = try MQTTClient(right)
        try await client.connect()
        #expect(client.connectionState == .connected)
        client.close()
    }

    @Test("a port where nothing listens fails at once with the OS's reason")
    func refusedPort() async throws {
        let port = try FreePort.loopback()
        var configuration = try TestClients.configuration("mqtt://127.0.0.1:\(port)")
        configuration.connectTimeout = .seconds(2)
        let started = ContinuousClock.now
        let error = await #expect(throws: MQTTError.self) {
            try await MQTTClient(configuration).connect()
        }
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect("\(error!)".contains("127.0.0.1:\(port)"))
    }

    @Test("a peer that accepts TCP but never answers MQTT fails within the connect timeout")
    func silentPeer() async throws {
        let listener = try SilentListener()
        defer { listener.close() }
        var configuration = try TestClients.configuration("mqtt://127.0.0.1:\(listener.port)")
        configuration.connectTimeout = .milliseconds(1500)
        let started = ContinuousClock.now
        let error = await #expect(throws: MQTTError.self) {
            try await MQTTClient(configuration).connect()
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(1400) && elapsed < .seconds(4))
        guard case .connectTimeout? = error else {
            Issue.record("expected a connect timeout, got \(String(describing: error))")
            return
        }
        #expect("\(error!)".contains("within 1.5 s"))
    }

}
