import FleetModel
import Foundation
import Impact
import MQTT
import Pipeline
import Store
import Synchronization
import Testing
@testable import FleetprintRuntime

@Suite("Publishing work orders through the outbox")
struct OutputPublisherTests {
    @Test("accepted orders leave the outbox, a batch at a time or at the next chore, and at the next flush or look the publisher's memory; none goes out twice")
    func acceptedOrdersAreForgotten() async throws {
        try await withOutbox(subscribing: "orders/#") { store, subscriber, client in
            let publisher = try OutputPublisher(client: client, store: store, instance: "test", metrics: DaemonMetrics())

            let total = OutputPublisher.recordEvery + 44
            try store.enqueue((0..<total).map { OutboxEntry(mark: "order-\($0)", topic: "orders/\($0)", payload: Array("\($0)".utf8)) })
            try publisher.resendOutbox()
            try await client.waitForPublished()
            let received = try await withDeadline(30, "every order") { await TestClients.collect(total, from: subscriber) }
            #expect(Set(received.map(\.topic)) == Set((0..<total).map { "orders/\($0)" }))
            // The network thread writes a whole batch of acceptances; the rest wait for a chore.
            try await eventually(10, "a batch written") { (try? store.outboxCount()) == total - OutputPublisher.recordEvery }
            #expect(try store.publishedOrderIDs().count == OutputPublisher.recordEvery)
            try await eventually(10, "the outbox empty") {
                publisher.finishRecording()
                return (try? store.outbox().isEmpty) == true
            }
            #expect(try store.publishedOrderIDs() == Set((0..<total).map { "order-\($0)" }))

            // Accepted marks are kept until the pipeline thread's next flush or look at the outbox, then forgotten.
            #expect(publisher.handedOverCount == total)
            try publisher.flush()
            #expect(publisher.handedOverCount == 0)
            try publisher.resendOutbox()
            try await client.waitForPublished()
            try await Task.sleep(for: .milliseconds(300))
            #expect(client.receivedCount == 0)
            #expect(subscriber.receivedCount == total)
        }
    }

    @Test("with room for few, orders wait in the outbox and go out in their order as the broker acknowledges, never more handed over than the room")
    func boundedHandOver() async throws {
        try await withOutbox(subscribing: "fleetprint/workorders/#") { store, subscriber, client in
            let room = 5
            let publisher = try OutputPublisher(client: client, store: store, instance: "test", metrics: DaemonMetrics(), handOverLimit: room)

            let total = 120
            var output = PipelineOutput()
            output.workOrders = (0..<total).map {
                WorkOrder(id: "boiler/b-1/\($0)", device: "b-1", kind: "boiler", rule: "r", issuedAt: Date(timeIntervalSince1970: Double($0)),
                          priority: .alert, resolution: .technician)
            }
            _ = try publisher.publish(output, recovering: false)
            try publisher.flush()
            #expect(try store.outboxCount() >= total - room)
            // What the daemon's pipeline thread does between batches: look again once there is room.
            let mostHandedOver = Mutex(client.unacknowledgedCount)
            let resender = Task {
                while !Task.isCancelled {
                    publisher.recordDeliveries()
                    if publisher.shouldResend { try publisher.handOverWaiting() }
                    mostHandedOver.withLock { $0 = max($0, client.unacknowledgedCount) }
                    try await Task.sleep(for: .milliseconds(2))
                }
            }
            defer { resender.cancel() }
            let received = try await withDeadline(30, "every order") { await TestClients.collect(total, from: subscriber) }
            #expect(mostHandedOver.withLock { $0 } <= room)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let ids = try received.map { try decoder.decode(WorkOrder.self, from: Data($0.payload)).id }
            #expect(ids == output.workOrders.map(\.id))
            try await eventually(10, "the outbox empty") { (try? store.outboxCount()) == 0 }
        }
    }

    @Test("after a restart, a full outbox is handed over as much as there is room for, then the rest in order")
    func restartWithFullOutbox() async throws {
        try await withOutbox(subscribing: "orders/#") { store, subscriber, client in
            let (room, total) = (5, 40)
            let entries = (0..<total).map { OutboxEntry(mark: "order-\($0)", topic: "orders/o", payload: Array("\($0)".utf8)) }
            try store.enqueue(entries)
            let publisher = try OutputPublisher(client: client, store: store, instance: "test", metrics: DaemonMetrics(), handOverLimit: room)
            try publisher.resendOutbox()
            #expect(publisher.handedOverCount == room)
            let resender = Task {
                while !Task.isCancelled {
                    publisher.recordDeliveries()
                    if publisher.shouldResend { try publisher.handOverWaiting() }
                    try await Task.sleep(for: .milliseconds(2))
                }
            }
            defer { resender.cancel() }
            let received = try await withDeadline(30, "every order") { await TestClients.collect(total, from: subscriber) }
            #expect(received.map(\.payload) == entries.map(\.payload))
            try await eventually(10, "the outbox empty") { (try? store.outboxCount()) == 0 }
        }
    }

    @Test("accepted orders whose acceptance is not written yet take room: a slow disk holds the hand-over back instead of piling up acceptances")
    func unwrittenAcceptancesTakeRoom() async throws {
        try await withOutbox(subscribing: "orders/#") { store, subscriber, client in
            let (room, total) = (5, 20)
            try store.enqueue((0..<total).map { OutboxEntry(mark: "order-\($0)", topic: "orders/o", payload: Array("\($0)".utf8)) })
            let publisher = try OutputPublisher(client: client, store: store, instance: "test", metrics: DaemonMetrics(), handOverLimit: room)
            try publisher.resendOutbox()
            let first = try await withDeadline(30, "the first orders") { await TestClients.collect(room, from: subscriber) }
            try await client.waitForPublished()
            // Accepted, fewer than a batch, not written: no room for more.
            try publisher.handOverWaiting()
            try await client.waitForPublished()
            #expect(publisher.handedOverCount == room)
            #expect(try store.outboxCount() == total)
            publisher.finishRecording()
            try publisher.handOverWaiting()
            let next = try await withDeadline(30, "the next orders") { await TestClients.collect(room, from: subscriber) }
            #expect((first + next).map(\.payload) == (0..<2 * room).map { Array("\($0)".utf8) })
            #expect(try store.outboxCount() == total - room)
        }
    }

    @Test("at most the limit of device details wait for a broker that does not answer; the rest wait in the daemon until it does")
    func detailsUnderwayAreBounded() async throws {
        try await withOutbox(subscribing: "fleetprint/impact/#") { store, subscriber, client, broker in
            let publisher = try OutputPublisher(client: client, store: store, instance: "test", metrics: DaemonMetrics(), detailLimit: 3)
            let details = (0..<5).map { Self.detail(device: "b-\($0)") }
            broker.freeze(true)
            let taken = details.map { publisher.publishDetail($0) }
            #expect(taken == [true, true, true, false, false])
            #expect(publisher.detailsUnderwayCount == 3)
            broker.freeze(false)
            try await eventually(10, "the details answered") { publisher.detailsUnderwayCount == 0 }
            #expect(details[3...].allSatisfy { publisher.publishDetail($0) })
            let received = try await withDeadline(30, "five details") { await TestClients.collect(5, from: subscriber) }
            #expect(Set(received.map(\.topic)) == Set((0..<5).map { "fleetprint/impact/test/device/boiler/b-\($0)" }))
        }
    }

    private static func detail(device: String) -> DeviceDetail {
        DeviceDetail(kind: "boiler", device: device, eventTime: nil, commissioned: Date(timeIntervalSince1970: 0), lastSeen: nil, lastService: nil,
                     readings: [], rules: [:], health: [], openWorkOrders: [], closedWorkOrders: [], counts: [:], serviceYears: 0, kits: [:],
                     visits: 0, remoteFixes: 0, customerFixes: 0, replacements: 0)
    }

    /// Runs `body` with a store in a fresh state folder, a client subscribed to `filter` and a
    /// client to publish with, on a broker of its own.
    private func withOutbox(subscribing filter: String, _ body: (FleetStore, MQTTClient, MQTTClient) async throws -> Void) async throws {
        try await withOutbox(subscribing: filter) { store, subscriber, client, _ in try await body(store, subscriber, client) }
    }

    /// The same, with the broker (to freeze it).
    private func withOutbox(subscribing filter: String, _ body: (FleetStore, MQTTClient, MQTTClient, LocalBroker) async throws -> Void) async throws {
        let broker = try TestBroker.started()
        defer { broker.stop() }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-outbox-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try FleetStore(directory: folder, initialize: true)
        let subscriber = try await TestClients.connected(broker.url)
        defer { subscriber.close() }
        try await subscriber.subscribe([TopicSubscription(filter, qos: .atLeastOnce)])
        let client = try await TestClients.connected(broker.url)
        defer { client.close() }
        try await body(store, subscriber, client, broker)
    }
}
