import FleetModel
import Foundation

/// Work orders as rows of a list and as a device's full page; remaining life is the due date
/// less the fleet's event time.
enum OrderLines {
    static func row(_ order: WorkOrder, now: Date?, showKind: Bool, wide: Bool) -> StyledLine {
        var line = StyledLine(order.priority == .alarm ? "ALARM " : "alert ", order.priority == .alarm ? .alarm : .alert)
        line += ImpactLines.pad(showKind ? "\(order.kind)/\(order.device)" : order.device, wide ? 34 : 24)
        line += ImpactLines.pad(order.rule, wide ? 24 : 16)
        line += ImpactLines.pad(due(order, now: now), 28)
        if wide { line += "\(order.kit.map { "kit \($0) · " } ?? "")\(order.resolution.rawValue)  \(order.reason ?? "")" }
        return line
    }

    /// "due 2026-04-01 (27 d)", or "no prognosis" when the rule gave no due date.
    static func due(_ order: WorkOrder, now: Date?) -> String {
        guard let due = order.due else { return "due: no prognosis" }
        let left = now.map { " (\(Figure.span(due.timeIntervalSince($0))))" } ?? ""
        return "due \(Figure.day(due))\(left)"
    }

    /// Everything about each of a device's open orders.
    static func device(_ orders: [WorkOrder], now: Date?) -> [StyledLine] {
        guard !orders.isEmpty else { return [StyledLine("no open work orders for this device", .dim)] }
        return orders.flatMap { order -> [StyledLine] in
            var head = StyledLine(order.priority == .alarm ? "ALARM " : "alert ", order.priority == .alarm ? .alarm : .alert)
            head += ("\(order.rule)", .bold)
            head += "  \(order.kit.map { "kit \($0)" } ?? "no kit") · by \(order.resolution.rawValue) · order \(order.id)"
            var times = StyledLine("  issued \(Figure.minute(order.issuedAt)) · ")
            times += (due(order, now: now), .bold)
            var lines = [head, times]
            if let reason = order.reason { lines.append(StyledLine("  why: \(reason)")) }
            if let note = order.note { lines.append(StyledLine("  note: \(note)", .dim)) }
            return lines
        }
    }
}
