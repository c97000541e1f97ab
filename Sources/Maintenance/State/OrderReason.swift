import FleetModel
import Foundation

/// Why an open order was issued or escalated. Most open orders of a large fleet are missing-data
/// orders, whose text ("silent: no cycles for 1 h (last at t=1767225600)") took about 110 bytes
/// of its own in every such device; they keep the two numbers it is made from instead, and the
/// text is made again, byte for byte, when the order is published (`text(of:)`).
enum OrderReason: Sendable, Hashable {
    /// The whole reason, as published.
    case text(String)
    /// A missing-data rule's firing: its metric silent for `window` seconds after its last reading
    /// at `lastSeen` (none: since commissioning). The rule and the metric are the origin's.
    case silent(window: Double, lastSeen: OptionalNumber)

    /// The reason as published, for an order of `origin`.
    func text(of origin: OrderOrigin) -> String {
        switch self {
        case .text(let text): text
        case .silent(let window, let lastSeen): "\(origin.rule): " + MissingCheck.values(metric: origin.metric ?? "", window: window, lastSeen: lastSeen.time)
        }
    }
}
