import FleetModel
import Foundation
import Impact
import MQTT
import Synchronization

/// The latest retained summary of each daemon instance, and every work order seen.
final class Summaries: Sendable {
    private let state = Mutex<(byInstance: [String: DaemonSummary], orderIDs: [String])>(([:], []))

    func latest(_ instance: String) -> DaemonSummary? { state.withLock { $0.byInstance[instance] } }
    var workOrderIDs: [String] { state.withLock { $0.orderIDs } }

    func add(_ message: MQTTMessage) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if message.topic.hasPrefix("fleetprint/workorders/"), let order = try? decoder.decode(WorkOrder.self, from: Data(message.payload)) {
            state.withLock { $0.orderIDs.append(order.id) }
        } else if message.topic.hasPrefix("fleetprint/impact/"), let summary = try? decoder.decode(DaemonSummary.self, from: Data(message.payload)) {
            state.withLock { $0.byInstance[summary.instance] = summary }
        }
    }
}
