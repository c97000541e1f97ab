import FleetModel
import Foundation

/// Fires when the value moved by `change` or more within `window` in `direction` (a pressure drop
/// that means a leak), judged against the window's extremes; clears once the move is no longer there.
struct RateCheck: Sendable {
    let metric: String
    let unit: String
    let direction: Direction
    let change: Double
    let window: TimeInterval
    let slices: ExtremaWindow

    /// `place` is the rule's among the device's rate rules: its extremes change in place.
    func assess(_ value: Double, at time: Date, level: WorkOrderPriority?, place: Int, in slots: inout DeviceSlots) -> Assessment {
        let seconds = time.timeIntervalSince1970
        let extremes = slices.extremes(of: slots.extrema(ofRule: place), at: seconds)
        slices.add(value, at: seconds, rule: place, to: &slots)
        guard let extremes else { return .hold }
        let (moved, from) = direction == .below ? (extremes.high - value, extremes.high) : (value - extremes.low, extremes.low)
        if moved >= change {
            let verb = direction == .below ? "fell" : "rose"
            return .fire(.alert, values: "\(metric) \(verb) \(ReasonFormat.quantity(moved, unit)) within \(ReasonFormat.duration(window)) (from \(ReasonFormat.quantity(from, unit)) to \(ReasonFormat.quantity(value, unit)))")
        }
        return level != nil ? .clear : .hold
    }
}
