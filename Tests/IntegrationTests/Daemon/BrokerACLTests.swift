import FleetprintTestSupport
import Foundation
import MQTT
import Store
import Testing

/// A broker whose ACL does not let the daemon write its outputs.
@Suite("Outputs the broker refuses")
struct BrokerACLTests {
    @Test("with MQTT 5, work orders that an ACL denies are counted and logged as refused, stay in the outbox and are never recorded as published")
    func deniedByACL() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-acl-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        // Anonymous clients may publish telemetry and read everything, but write nothing under fleetprint/.
        let acl = root.appendingPathComponent("acl")
        try "topic readwrite devices/#\ntopic read fleetprint/#\n".write(to: acl, atomically: true, encoding: .utf8)
        let broker = try TestBroker.started(extraConfiguration: "acl_file \(acl.path)\n")
        defer { broker.stop() }
        let configuration = root.appendingPathComponent("fleetprint.yaml")
        try "brokers:\n  - url: \(broker.url)\n    mqtt_version: 5\n".write(to: configuration, atomically: true, encoding: .utf8)

        let daemon = try DaemonProcess(instance: "acl", stateDirectory: root.appendingPathComponent("state"), broker: nil,
                                         arguments: ["--config", configuration.path])
        try await eventually(20, "the daemon has subscribed") { daemon.output.contains("subscribed") }
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        try await TestClients.publish(BoilerFleet.fouling(devices: 3), with: publisher)
        try await eventually(30, "the refusal is logged") { daemon.output.contains("the broker refused the work order") }
        #expect(daemon.output.contains("Not authorized") || daemon.output.contains("not authorized"))
        #expect(daemon.isRunning)
        #expect(daemon.terminate() == 0)
        let store = try FleetStore(directory: root.appendingPathComponent("state"))
        #expect(try store.publishedOrderIDs().isEmpty)
        #expect(try store.outbox().count == 3)
    }
}
