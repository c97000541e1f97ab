import FleetModel
import Foundation

/// Alert and alarm levels that must hold for `duration` before firing (a short spike does not),
/// and a clear level the value must return past before the rule fires again (hysteresis).
struct ThresholdCheck: Sendable {
    let metric: String
    let unit: String
    let direction: Direction
    let alert: Double?
    let alarm: Double?
    let duration: TimeInterval
    /// Defaults to the alert (or alarm) level when the profile gives none.
    let clear: Double

    func isBeyond(_ value: Double, _ limit: Double?) -> Bool {
        guard let limit else { return false }
        return direction == .above ? value > limit : value < limit
    }

    /// `memory` keeps since when the value has been past the alert level (`first`) and the alarm level (`second`).
    func assess(_ value: Double, at time: Date, level: WorkOrderPriority?, memory: inout PairedMemory) -> Assessment {
        let sinceAlert = isBeyond(value, alert) ? memory.first.time ?? time : nil
        let sinceAlarm = isBeyond(value, alarm) ? memory.second.time ?? time : nil
        memory = PairedMemory(first: OptionalNumber(sinceAlert), second: OptionalNumber(sinceAlarm))
        for (priority, limit, since) in [(WorkOrderPriority.alarm, alarm, sinceAlarm), (.alert, alert, sinceAlert)] {
            if let limit, let since, time.timeIntervalSince(since) >= duration {
                let held = duration > 0 ? " for \(ReasonFormat.duration(time.timeIntervalSince(since)))" : ""
                return .fire(priority, values: "\(metric) \(ReasonFormat.quantity(value, unit)) \(direction.rawValue) \(priority.rawValue) level \(ReasonFormat.quantity(limit, unit))\(held)")
            }
        }
        let cleared = direction == .above ? value < clear : value > clear
        return level != nil && cleared ? .clear : .hold
    }

    /// 1 at the clear level or better, 0 at the alarm level (the alert level when there is no alarm).
    func health(_ value: Double) -> Double {
        guard let bad = alarm ?? alert else { return 1 }
        guard bad != clear else { return isBeyond(value, bad) ? 0 : 1 }
        return min(1, max(0, (bad - value) / (bad - clear)))
    }
}
