import FleetModel
import Foundation

/// Fires when a counter (burner hours, cycles) has grown by the alert or alarm amount since the
/// last service, or since first sight for a device of unknown history. Only a service re-arms it.
struct CounterCheck: Sendable {
    let metric: String
    let unit: String
    let alert: Double?
    let alarm: Double?

    /// `memory` keeps the counter's value at the last service (`first`) and its latest value (`second`).
    func assess(_ value: Double, level: WorkOrderPriority?, memory: inout PairedMemory) -> Assessment {
        var base = memory.first.value ?? value
        // A counter that went down was reset (board swap): keep the growth counted so far.
        if let last = memory.second.value, value < last { base = value - (last - base) }
        memory = PairedMemory(first: OptionalNumber(base), second: OptionalNumber(value))
        let growth = value - base
        for (priority, limit) in [(WorkOrderPriority.alarm, alarm), (.alert, alert)] {
            if let limit, growth >= limit {
                return .fire(priority, values: "\(metric) grew \(ReasonFormat.quantity(growth, unit)) since the last service (\(priority.rawValue) at \(ReasonFormat.quantity(limit, unit)))")
            }
        }
        return .hold
    }

    func health(memory: RuleMemory) -> Double {
        guard case .counter(let stored, let latest) = memory, let base = stored.value, let last = latest.value,
              let limit = alarm ?? alert, limit > 0 else { return 1 }
        return min(1, max(0, 1 - (last - base) / limit))
    }
}
