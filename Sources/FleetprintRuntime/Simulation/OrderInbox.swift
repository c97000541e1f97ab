import FleetModel
import Foundation
import Synchronization

/// Work orders the real daemon publishes, collected on the MQTT thread and taken by the
/// simulator's loop between messages, so the technicians follow the daemon over a broker.
final class OrderInbox: Sendable {
    private let orders = Mutex<[WorkOrder]>([])

    func receive(_ payload: [UInt8]) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        guard let order = try? decoder.decode(WorkOrder.self, from: Data(payload)) else { return }
        orders.withLock { $0.append(order) }
    }

    func take() -> [WorkOrder] { orders.takeAll() }
}
