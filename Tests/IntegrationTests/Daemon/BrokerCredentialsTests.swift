import FleetprintRuntime
import FleetprintTestSupport
import Foundation
import MQTT
import Testing

/// `fleetprint run` against a broker that wants a user name and password.
@Suite("Broker credentials on the command line")
struct BrokerCredentialsTests {
    @Test("run --username --password-env connects to a mosquitto with a password file and processes telemetry")
    func passwordFromEnvironment() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-credentials-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let (broker, url) = try TestBroker.withPasswords(["fleetprint": "s3cret-daemon", "gateway": "s3cret-gateway"], in: root)
        defer { broker.stop() }

        let daemon = try DaemonProcess(instance: "credentials", stateDirectory: root.appendingPathComponent("state"), broker: url,
                                         arguments: ["--username", "fleetprint", "--password-env", "FLEETPRINT_TEST_PASSWORD"],
                                         environment: ["FLEETPRINT_TEST_PASSWORD": "s3cret-daemon"])
        try await eventually(20, "the daemon has subscribed") { daemon.output.contains("subscribed") }
        var configuration = try TestClients.configuration(url)
        configuration.username = "gateway"
        configuration.password = Secret("s3cret-gateway")
        let publisher = try MQTTClient(configuration)
        try await publisher.connect()
        defer { publisher.close() }
        try await TestClients.publish(BoilerFleet.fouling(devices: 2), with: publisher)
        try await eventually(30, "the work orders are issued") { daemon.output.contains("work order") }
        #expect(daemon.isRunning)
        #expect(!daemon.output.contains("s3cret"), "the password is never logged")
        #expect(daemon.terminate() == 0)
    }

    @Test("credentials without --broker are refused with run's usage")
    func credentialsNeedABroker() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-credentials-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let daemon = try DaemonProcess(instance: "nobroker", stateDirectory: root, broker: nil, arguments: ["--username", "fleetprint"])
        #expect(try await daemon.exitStatus(within: 10) == 64)
        #expect(daemon.output.contains("apply to --broker URLs") && daemon.output.contains("Usage: fleetprint run"))
    }
}
