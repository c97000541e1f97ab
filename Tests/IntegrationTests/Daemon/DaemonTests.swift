import FleetModel
import FleetprintTestSupport
import Foundation
import MQTT
import Store
import Testing
@testable import FleetprintRuntime

@Suite("The daemon against a real mosquitto")
struct DaemonTests {
    @Test("readings crossing a boiler rule give exactly one work order; a service report closes it and the ledger records the kit")
    func workOrderAndServiceReport() async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-state-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        var configuration = DaemonConfiguration()
        configuration.summaryInterval = Quantity(0.2, .second)
        let job = DaemonJob(configuration: configuration, brokers: [BrokerSettings(url: broker.url)],
                            library: try BoilerStream.library(), stateDirectory: state)
        let (stop, stopNow) = AsyncStream.makeStream(of: Void.self)
        let daemon = Task { try await job.run(until: stop) }

        let watcher = try await TestClients.connected(broker.url)
        defer { watcher.close() }
        try await watcher.subscribe([TopicSubscription("fleetprint/workorders/#", qos: .atLeastOnce), TopicSubscription("fleetprint/impact/#", qos: .atLeastOnce)])
        let received = Summaries()
        let reader = Task { for await message in watcher.messages { received.add(message) } }
        defer { reader.cancel() }
        // The first summary comes after the daemon has subscribed.
        try await eventually(10, "the daemon's first summary") { received.latest("local") != nil }
        let publisher = try await TestClients.connected(broker.url)
        defer { publisher.close() }
        for message in BoilerStream.fouling(device: "b-001") {
            try publisher.publish(topic: message.topic, payload: message.payload, qos: .atLeastOnce)
        }
        try await publisher.waitForPublished(timeout: .seconds(10))

        try await eventually(10, "a work order") { !received.workOrderIDs.isEmpty }
        try await eventually(10, "a summary that counts every message") { received.latest("local")?.counters.messages == 72 }
        #expect(received.workOrderIDs.count == 1)
        let order = try #require(received.latest("local")?.openWorkOrders.first)
        #expect(order.rule == "flue-gas-fouling" && order.kit == "medium" && order.device == "b-001")
        #expect(received.workOrderIDs == [order.id])

        let report = #"{"work_order":"\#(order.id)","time":"2026-01-01T08:00:00Z","action":"visit","kit":"medium"}"#
        try publisher.publish(topic: "fleetprint/service/boiler/b-001", payload: Array(report.utf8), qos: .atLeastOnce)
        try await eventually(10, "the service report in the summary") { received.latest("local")?.counters.workOrdersClosed == 1 }
        #expect(received.latest("local")?.openWorkOrderCount == 0)
        stopNow.yield()
        try await daemon.value

        let saved = try PipelineStateCoding.state(from: try FleetStore(directory: state).load())
        let ledger = try #require(saved.ledger.devices.values.first { $0.device == "b-001" })
        #expect(ledger.kits == ["medium": 1])
        #expect(ledger.visits.values.reduce(0, +) == 1)
        #expect(received.workOrderIDs.count == 1)
    }
}
