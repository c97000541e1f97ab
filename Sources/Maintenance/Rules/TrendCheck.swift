import FleetModel
import Foundation

/// Prognosis as a rule: fires when the metric's fitted trend reaches `limit` within `horizon`,
/// so the part is ordered before the alarm; clears when the forecast moves beyond the horizon.
struct TrendCheck: Sendable {
    let metric: String
    let unit: String
    let direction: Direction
    let limit: Double
    let horizon: TimeInterval

    func assess(_ prognosis: Prognosis?, level: WorkOrderPriority?) -> Assessment {
        guard let prognosis else { return .hold }
        if let life = prognosis.remainingLife, life <= horizon {
            let perDay = ReasonFormat.quantity(prognosis.slope * 86_400, unit)
            return .fire(.alert, values: "\(metric) trend \(perDay)/d from \(ReasonFormat.quantity(prognosis.level, unit)) reaches \(ReasonFormat.quantity(limit, unit)) in \(ReasonFormat.duration(life))")
        }
        return level != nil ? .clear : .hold
    }

    func health(_ prognosis: Prognosis?) -> Double {
        guard let life = prognosis?.remainingLife else { return 1 }
        return min(1, life / horizon)
    }
}
