import FleetModel
import FleetprintRuntime
import Impact
import Foundation
import MQTT
import Synchronization

/// Collects what the daemon publishes, decoded, for tests to wait on.
final class Received: Sendable {
    private let state = Mutex<(orders: [WorkOrder], summary: DaemonSummary?)>(([], nil))

    var workOrders: [WorkOrder] { state.withLock { $0.orders } }
    var lastSummary: DaemonSummary? { state.withLock { $0.summary } }

    func add(_ message: MQTTMessage) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if message.topic.hasPrefix("fleetprint/workorders/"), let order = try? decoder.decode(WorkOrder.self, from: Data(message.payload)) {
            state.withLock { $0.orders.append(order) }
        } else if message.topic.hasPrefix("fleetprint/impact/"), let summary = try? decoder.decode(DaemonSummary.self, from: Data(message.payload)) {
            state.withLock { $0.summary = summary }
        }
    }
}
