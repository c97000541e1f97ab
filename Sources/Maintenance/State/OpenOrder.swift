import FleetModel

/// An issued order not yet closed, with the component it services: at most one per component,
/// which is how repeated firings are deduplicated.
public struct OpenOrder: Sendable, Hashable, Codable {
    public var order: WorkOrder
    public var component: String
}
