import FleetModel
import Foundation

/// The readable text of `fleetprint profiles list` and `show`: what a maintenance engineer or an
/// analyst checks before trusting a run (kits, visits, lives, ICT, and which factors apply).
public struct ProfileSummary: Sendable {
    public let library: ProfileLibrary

    public init(library: ProfileLibrary) {
        self.library = library
    }

    /// One line per kind.
    public func list() -> String {
        table(library.profiles.map { profile in
            [profile.kind, profile.functionalUnit, "\(profile.scenarios.count) scenario(s)", library.files[profile.kind]?.relativePath ?? ""]
        }).joined(separator: "\n")
    }

    /// The summary of one kind.
    public func show(_ profile: DeviceProfile) -> String {
        var lines = ["\(profile.kind): \(profile.description)", "functional unit: \(profile.functionalUnit)"]
        if let file = library.files[profile.kind] { lines.append("file: \(file.relativePath)") }
        lines += section("Telemetry (\(profile.telemetry.topics.joined(separator: ", ")); time in '\(profile.telemetry.timestampField)', \(profile.telemetry.timestampFormat.rawValue))",
                         profile.telemetry.metrics.map(metricRow))
        lines += section("Components (\(kg(profile.components.reduce(0) { $0 + $1.kilograms })) in all)", profile.components.map { component in
            [component.id, kg(component.kilograms), component.materials.map { "\($0.material) \($0.mass)" }.joined(separator: ", "), component.life.map { "life \($0)" } ?? ""]
        })
        lines += section("Kits", profile.kits.map { kit in
            [kit.id, kit.mass.description, kit.contents.map { "\($0.part) x\($0.count)" }.joined(separator: ", "),
             profile.materials(ofKit: kit.id).sorted { $0.key < $1.key }.map { "\($0.key) \(kg($0.value))" }.joined(separator: ", ")]
        })
        lines += section("Policies (per life)", profile.policies.flatMap { policyRows($0, of: profile) })
        lines += section("Trips", profile.trips.map { trip in
            [trip.id, "\(trip.distance) by \(trip.vehicle)", trip.sharedBy > 1 ? "shared by \(trip.sharedBy): \(number(trip.kilometresPerDevice)) km each" : ""]
        })
        lines += section("Rules", profile.rules.map { [$0.id, $0.metric, describe($0.condition), describe($0.action)] })
        lines += section("ICT overhead", profile.ict.map(ictRow))
        lines += section("Climate-change factors in use", factorItems(of: profile).map(factorRow))
        lines += section("Sources", profile.sources.map { source in
            [source.id, [source.kind.rawValue, source.year.map(String.init), source.licence].compactMap { $0 }.joined(separator: ", "), source.text]
        })
        return lines.joined(separator: "\n")
    }

    // MARK: Rows

    private func metricRow(_ metric: Metric) -> [String] {
        let range = metric.range.map { "\($0.low) .. \($0.high)" } ?? metric.values.joined(separator: "|")
        let mapping = metric.field == metric.id ? "" : "field \(metric.field)" + (metric.scale == 1 ? "" : " x \(number(metric.scale))")
        return [metric.id, metric.type.rawValue, metric.unit?.symbol ?? "", range, mapping]
    }

    private func policyRows(_ policy: Policy, of profile: DeviceProfile) -> [[String]] {
        var facts = ["life \(policy.life)" + (policy.lifeRange.map { " (\($0.low) to \($0.high))" } ?? "")]
        if policy.visits > 0 { facts.append("\(number(policy.visits)) visits" + (policy.serviceInterval.map { " (service every \($0))" } ?? "")) }
        if !policy.kits.isEmpty { facts.append("kits " + policy.kits.map { "\($0.kit) \($0.count)" }.joined(separator: ", ")) }
        if let collection = policy.collection { facts.append("\(number(policy.collections)) emptyings (every \(collection.interval))") }
        if policy.remoteDiagnosis { facts.append("remote diagnosis") }
        var rows = [[policy.id, facts.joined(separator: "; ")]]
        rows += policy.renovations.map { renovation in
            ["", "renovation at \(renovation.at): " + renovation.replace.map { "\($0.materialClass.rawValue) \($0.share)" }.joined(separator: ", ")
                + (renovation.energy.map { "; \($0)" } ?? "") + (renovation.trip.map { "; trip \($0)" } ?? "")]
        }
        if !policy.components.isEmpty { rows.append(["", "components " + policy.components.joined(separator: ", ")]) }
        rows.append(["", "bill of materials " + profile.billOfMaterials(of: policy).sorted { $0.key < $1.key }.map { "\($0.key) \(kg($0.value))" }.joined(separator: ", ")])
        return rows
    }

    private func ictRow(_ item: ICTItem) -> [String] {
        var facts = ["life \(item.life)"]
        if let power = item.power { facts.append("\(power) continuous") }
        if let size = item.messageSize, let interval = item.messageInterval { facts.append("\(size) every \(interval) = \(number(item.gigabytesPerYear)) GB/year") }
        if let share = item.serverShare { facts.append("server \(share)") }
        if item.sharedBy > 1 { facts.append("shared by \(item.sharedBy)") }
        return ["\(item.id) (\(item.role.rawValue))", facts.joined(separator: "; "), "in " + item.scenarios.joined(separator: ", ")]
    }

    private func factorRow(_ item: String) -> [String] {
        guard let factor = library.factors.factor(item, FactorTable.climateChange) else { return [item, "no factor"] }
        let range = [factor.low, factor.high].compactMap { $0 }.map(number).joined(separator: " to ")
        return [item, "\(number(factor.value)) \(factor.unit)", range.isEmpty ? "" : "range \(range)", factor.origin]
    }

    /// Factor items a profile uses: materials, vehicles, electricity, ICT blocks.
    private func factorItems(of profile: DeviceProfile) -> [String] {
        let items = profile.materials.map(\.factor) + profile.trips.map(\.vehicle) + [profile.electricity] + profile.ict.flatMap { $0.embodied.map(\.item) }
        return items.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    }

    private func describe(_ condition: RuleCondition) -> String {
        switch condition {
        case .threshold(let t):
            return ["\(t.direction.rawValue)", t.alert.map { "alert \($0)" }, t.alarm.map { "alarm \($0)" }, t.duration.map { "for \($0)" }, t.clear.map { "clear at \($0)" }]
                .compactMap { $0 }.joined(separator: " ")
        case .rateOfChange(let r): return "changes \(r.direction.rawValue) by \(r.change) within \(r.window)"
        case .repeated(let r): return "\(r.value.map { "'\($0)' " } ?? "")\(r.count) times within \(r.window)"
        case .counterSinceService(let c): return "since service: " + [c.alert.map { "alert \($0)" }, c.alarm.map { "alarm \($0)" }].compactMap { $0 }.joined(separator: ", ")
        case .missingData(let after): return "no data for \(after)"
        case .trend(let t): return "trend reaches \(t.limit) within \(t.horizon) (fit over \(t.window))"
        }
    }

    private func describe(_ action: RuleAction) -> String {
        "-> \(action.resolution.rawValue)" + (action.kit.map { ", kit \($0)" } ?? "") + (action.note.map { ": \($0)" } ?? "")
    }

    // MARK: Layout

    private func section(_ title: String, _ rows: [[String]]) -> [String] {
        rows.isEmpty ? [] : ["", title] + table(rows).map { "  " + $0 }
    }

    /// Left-aligned columns, the last one unpadded.
    private func table(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").replacingOccurrences(of: " +$", with: "", options: .regularExpression)
        }
    }

    private func kg(_ value: Double) -> String { "\(number(value)) kg" }

    /// Up to four significant decimals, no trailing zeros.
    private func number(_ value: Double) -> String {
        let text = String(format: "%.4f", value)
        guard text.contains(".") else { return text }
        return String(text.reversed().drop { $0 == "0" }.drop { $0 == "." }.reversed())
    }
}
