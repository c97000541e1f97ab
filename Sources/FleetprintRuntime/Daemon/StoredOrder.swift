import FleetModel

/// A work order as the Store keeps it: the order and whether it is still open.
struct StoredOrder: Encodable {
    let order: WorkOrder
    let status: String
}
