import FleetModel
import Foundation
import Impact

/// The device list's rows and one device's page, from the devices' retained detail topics.
enum DeviceLines {
    /// The device column: `kind/id` in the fleet's list needs more room than an id.
    static func deviceWidth(showKind: Bool, wide: Bool) -> Int { wide ? 48 : showKind ? 38 : 28 }

    static func heading(showKind: Bool, wide: Bool) -> StyledLine {
        StyledLine(ImpactLines.pad("device", deviceWidth(showKind: showKind, wide: wide)) + ImpactLines.pad("orders", 10) + ImpactLines.pad("health", 8)
                   + ImpactLines.pad("age", 8) + ImpactLines.pad("last seen", wide ? 18 : 10) + (wide ? "daemon" : ""), .dim)
    }

    static func row(_ row: DeviceRow, now: Date?, showKind: Bool, wide: Bool) -> StyledLine {
        var line = StyledLine(ImpactLines.pad(showKind ? row.key : row.device, deviceWidth(showKind: showKind, wide: wide)))
        let orders = row.openOrders == 0 ? "none" : "\(row.openOrders)" + (row.alarms > 0 ? " (\(row.alarms)!)" : "")
        line += (ImpactLines.pad(orders, 10), row.alarms > 0 ? .alarm : row.openOrders > 0 ? .alert : .plain)
        line += (ImpactLines.pad(String(format: "%.2f", row.health), 8), style(health: row.health))
        line += ImpactLines.pad(now.map { Figure.span($0.timeIntervalSince(row.commissioned)) } ?? "-", 8)
        let seen = row.lastSeen.map { last in wide ? Figure.minute(last) : now.map { Figure.span($0.timeIntervalSince(last)) } ?? Figure.day(last) } ?? "never"
        line += ImpactLines.pad(seen, wide ? 18 : 10)
        if wide { line += row.instance }
        return line
    }

    /// Everything a service engineer opens a device for: readings, rule states, component health,
    /// open and lately closed orders, and what the ledger holds.
    static func page(_ detail: DeviceDetail, instance: String?, now: Date?, wide: Bool) -> [StyledLine] {
        var head = StyledLine("commissioned \(Figure.day(detail.commissioned))")
        if let now { head += " (\(Figure.span(now.timeIntervalSince(detail.commissioned))) ago)" }
        head += " · last seen \(detail.lastSeen.map(Figure.minute) ?? "never") · last service \(detail.lastService.map(Figure.day) ?? "none")"
        if let instance { head += " · daemon \(instance)" }
        var lines = [head, StyledLine("readings", .bold)]
        lines += detail.readings.map { reading in
            StyledLine("  " + ImpactLines.pad(reading.metric, 28) + ImpactLines.pad(Figure.amount(reading.value, reading.unit ?? ""), 18) + Figure.minute(reading.time))
        }
        lines.append(StyledLine("rules", .bold))
        lines += detail.rules.keys.sorted().map { rule in
            let level = detail.rules[rule] ?? "armed"
            var line = StyledLine("  " + ImpactLines.pad(rule, 28))
            line += (level, level == "alarm" ? .alarm : level == "alert" ? .alert : .dim)
            return line
        }
        lines.append(StyledLine("component health (1 as new, 0 at the alarm limit)", .bold))
        lines += detail.health.map { component in
            var line = StyledLine("  " + ImpactLines.pad(component.component, 20))
            line += (bar(component.health, width: 20) + String(format: " %.2f", component.health), style(health: component.health))
            line += ("  lowest: \(component.worstRule)", .dim)
            return line
        }
        lines.append(StyledLine("work orders: \(detail.openWorkOrders.count) open, \(detail.counts["ordersIssued"] ?? 0) issued in all", .bold))
        lines += detail.openWorkOrders.map { OrderLines.row($0, now: now, showKind: false, wide: wide) }
        if !detail.closedWorkOrders.isEmpty {
            lines.append(StyledLine("  closed lately: " + detail.closedWorkOrders.suffix(5).reversed().joined(separator: ", "), .dim))
        }
        let kits = detail.kits.keys.sorted().map { "\($0) \(detail.kits[$0] ?? 0)" }.joined(separator: ", ")
        lines.append(StyledLine("ledger: \(Figure.amount(detail.serviceYears, "years")) of service · \(detail.visits) visits · kits \(kits.isEmpty ? "none" : kits)"
                                + " · \(detail.remoteFixes) remote and \(detail.customerFixes) customer fixes · \(detail.replacements) replacements"))
        return lines
    }

    /// A health bar: full as new, empty at the alarm limit.
    static func bar(_ health: Double, width: Int) -> String {
        let filled = Int((max(0, min(1, health)) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    static func style(health: Double) -> Style {
        health <= 0 ? .alarm : health < 0.5 ? .alert : .plain
    }
}
