import FleetModel
import Impact
import Foundation
import MQTT
import Pipeline
import Store

/// Publishes what the pipeline produced: work orders (QoS 1, each id once, even across a crash
/// and replay; an escalation to alarm once more), dead letters, and the retained impact summary.
///
/// An order counts as published only when the broker has acknowledged it: its mark is written on
/// the acknowledgement, so a crash before that republishes it after the restart's replay, and a
/// crash after it does not. (Only a crash between the acknowledgement and that one SQLite write,
/// tens of microseconds, can publish an order twice.)
final class OutputPublisher: Sendable {
    private let client: MQTTClient
    private let store: FleetStore
    private let instance: String
    private let alreadyPublished: Set<String>
    private let encoder: JSONEncoder

    init(client: MQTTClient, store: FleetStore, instance: String, alreadyPublished: Set<String>) {
        self.client = client
        self.store = store
        self.instance = instance
        self.alreadyPublished = alreadyPublished
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        self.encoder = encoder
    }

    /// Publishes one message's output; returns the order records for the next checkpoint.
    func publish(_ output: PipelineOutput) throws -> [StoredRecord] {
        var records: [StoredRecord] = []
        for (order, mark) in output.workOrders.map({ ($0, $0.id) }) + output.escalatedOrders.map({ ($0, $0.id + Self.escalationMark) }) {
            let body = try encoder.encode(order)
            records.append(StoredRecord(key: order.id, body: try encoder.encode(StoredOrder(order: order, status: "open"))))
            guard !alreadyPublished.contains(mark) else { continue }
            let store = self.store
            try client.publish(topic: OutputTopics.workOrder(kind: order.kind, device: order.device), payload: [UInt8](body), qos: .atLeastOnce) {
                do {
                    try store.markPublished(mark)
                } catch {
                    ConnectionReporter.note("run: could not record that work order \(mark) was published (it may go out again after a restart): \(error)")
                }
            }
        }
        for order in output.closedOrders {
            records.append(StoredRecord(key: order.id, body: try encoder.encode(StoredOrder(order: order, status: "closed"))))
        }
        for letter in output.deadLetters {
            try client.publish(topic: OutputTopics.deadLetter(reason: letter.reason.rawValue), payload: [UInt8](try encoder.encode(letter)), qos: .atLeastOnce)
        }
        return records
    }

    /// Suffix of an escalation's publication mark, so the order and its escalation are each published once.
    static let escalationMark = "#alarm"

    func publishSummary(_ summary: DaemonSummary) {
        do {
            try client.publish(topic: OutputTopics.impact(instance: instance), payload: [UInt8](try encoder.encode(summary)), qos: .atLeastOnce, retain: true)
        } catch {
            ConnectionReporter.note("run: could not publish the impact summary: \(error)")
        }
    }
}
