import FleetModel
import Foundation
import Impact
import MQTT
import Synchronization
@testable import FleetprintRuntime

/// The latest retained summary of each daemon instance, and every work order publication seen.
final class Summaries: Sendable {
    private let state = Mutex<(byInstance: [String: DaemonSummary], orders: [WorkOrder], details: [String: DeviceDetail])>(([:], [], [:]))

    func latest(_ instance: String) -> DaemonSummary? { state.withLock { $0.byInstance[instance] } }
    /// Every publication's mark (the order's id, with `#alarm`, `#closed` or `#cancelled` for a
    /// later status), in arrival order: the store's `publishedOrderIDs` of the same daemon.
    var workOrderMarks: [String] { state.withLock { $0.orders.map { $0.id + OutputPublisher.markSuffix($0.status) } } }
    /// The publications of order `id`, in arrival order.
    func orders(of id: String) -> [WorkOrder] { state.withLock { $0.orders.filter { $0.id == id } } }
    /// The latest detail seen of the device stored under `key` (`kind/id`).
    func detail(_ key: String) -> DeviceDetail? { state.withLock { $0.details[key] } }
    func statuses(of id: String) -> [WorkOrderStatus] { orders(of: id).map(\.status) }

    func add(_ message: MQTTMessage) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if message.topic.hasPrefix("fleetprint/workorders/"), let order = try? decoder.decode(WorkOrder.self, from: Data(message.payload)) {
            state.withLock { $0.orders.append(order) }
        } else if message.topic.contains("/device/"), let detail = try? decoder.decode(DeviceDetail.self, from: Data(message.payload)) {
            state.withLock { $0.details[DeviceIdentity(kind: detail.kind, id: detail.device).key] = detail }
        } else if message.topic.hasPrefix("fleetprint/impact/"), let summary = try? decoder.decode(DaemonSummary.self, from: Data(message.payload)) {
            state.withLock { $0.byInstance[summary.instance] = summary }
        }
    }

    /// Readings and service reports a summary counts (0 before the first summary).
    static func accepted(_ summary: DaemonSummary?) -> Int {
        summary.map { $0.counters.readings + $0.counters.serviceReports } ?? 0
    }
}
