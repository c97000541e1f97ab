import FleetModel
import Impact

/// The figure lines of one tab: headline, single score, avoided parts and trips, lifetime, ICT
/// overhead and the per-category deltas. Realised and projected are always named.
enum ImpactLines {
    static let co2 = "kg CO2-eq"

    /// CO2-eq, the evidence behind the realised figure, single score, avoided parts and trips,
    /// lifetime, ICT overhead. A realised figure the evidence cannot carry yet is not shown.
    static func headline(_ scope: ScopeFigures, kinds: [ScopeFigures]) -> [StyledLine] {
        let evidence = scope.evidence
        var climate = StyledLine("CO2-eq realised ")
        if let category = scope.realised.climate, let delta = category.delta {
            if evidence.judges(category) {
                climate += ("\(Figure.signed(delta, category.unit)) (\(Figure.percent(evidence.relative(category))))", .rose(category.roseClass))
            } else {
                climate += ("too early to judge", .bold)
            }
        } else {
            climate += ("no data", .dim)
        }
        climate += " projected "
        if let category = scope.projected.climate, let delta = category.delta {
            climate += ("\(Figure.signed(delta, category.unit)) (\(Figure.percent(category.relative)))", .rose(category.roseClass))
        } else {
            climate += ("no data", .dim)
        }
        let range = scope.realised.climate?.deltaRange.map { Figure.range($0, "kg") + " · " } ?? ""
        let basis = StyledLine("  realised " + range + Figure.evidence(evidence), .dim)
        var score = StyledLine("single score (internal decision aid) realised ")
        score += (Figure.signed(scope.realised.euros, "EUR"), .bold)
        score += " projected "
        score += (Figure.signed(scope.projected.euros, "EUR"), .bold)

        let materials = scope.realised.avoidedKilograms.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var parts = StyledLine("avoided parts (realised) ")
        parts += materials.isEmpty ? "none yet" : materials.map { "\($0.key) \(Figure.amount($0.value, "kg"))" }.joined(separator: " · ")

        let realised = scope.realised
        var trips = StyledLine("avoided trips (realised) ")
        trips += "\(Figure.amount(realised.avoidedVisits, "visits")) · \(Figure.amount(realised.avoidedKilometres, "km"))"
        trips += " · \(Int(realised.remoteFixes)) remote fixes · \(Int(realised.customerFixes)) by customer"

        var life = StyledLine("life extension (projected) ")
        if scope.name == "fleet" {
            let longer = kinds.filter { $0.projected.caseLifeYears != $0.projected.baselineLifeYears }
            life += longer.isEmpty ? "none" : longer.map { "\($0.name) \(Figure.signed($0.projected.caseLifeYears - $0.projected.baselineLifeYears, "y"))" }.joined(separator: " · ")
        } else {
            let years = scope.projected
            life += "\(Figure.number(years.baselineLifeYears)) → \(Figure.amount(years.caseLifeYears, "y")) (\(Figure.signed(years.caseLifeYears - years.baselineLifeYears, "y")))"
            life += " · production \(Figure.signed(scope.realised.climateDelta(of: .production) + scope.projected.climateDelta(of: .production), co2))"
        }

        let split = ictSplit.map { ($0.0, realised.climateDelta(of: $0.1)) }
        let total = split.reduce(0) { $0 + $1.1 }
        let ict = [
            StyledLine("ICT overhead (realised) " + split.prefix(3).map { "\($0.0) \(Figure.number($0.1))" }.joined(separator: " · ") + " \(co2)"),
            StyledLine("  " + split.dropFirst(3).map { "\($0.0) \(Figure.number($0.1))" }.joined(separator: " · ")
                       + " · total \(Figure.amount(total, co2))"),
        ]
        return [climate, basis, score, parts, trips, life] + ict
    }

    /// The ICT overhead split docs/DOMAIN.md asks for, Fleetprint's own compute last.
    static let ictSplit: [(String, Term)] = [("hardware", .ictEmbodied), ("energy", .ictElectricity), ("data", .ictData), ("servers", .ictServer), ("Fleetprint", .ictCompute)]

    /// One line per category with data, realised then projected, in the rose's classes; then
    /// one line counting the categories without data (all of them listed when `listEmpty`).
    static func categories(_ scope: ScopeFigures, wide: Bool, listEmpty: Bool) -> [StyledLine] {
        let evidence = scope.evidence
        var lines: [StyledLine] = []
        var empty: [String] = []
        var anyPartial = false
        let nameWidth = wide ? 30 : 22
        for category in scope.realised.categories {
            let projected = scope.projected.category(category.id)
            guard category.delta != nil || projected?.delta != nil else { empty.append(category.name); continue }
            // A partial category's number leaves out flows without a factor: mark it, never hide it.
            let partial = category.coverage == .partial || projected?.coverage == .partial
            if partial { anyPartial = true }
            var line = StyledLine(pad(category.name, nameWidth - 2) + (partial ? "* " : "  "))
            if category.delta == nil || evidence.judges(category) {
                line += pad(category.delta.map { Figure.signed($0, category.unit) } ?? "no data", wide ? 24 : 20)
                line += (pad(Figure.percent(evidence.relative(category)), 9), .rose(category.roseClass))
                line += (pad(category.roseClass.label, 19), .rose(category.roseClass))
            } else {
                line += (pad("too early to judge", (wide ? 24 : 20) + 9 + 19), .dim)
            }
            line += "│ "
            if wide { line += pad(projected?.delta.map { Figure.signed($0, category.unit) } ?? "no data", 24) }
            if let projected {
                line += (pad(Figure.percent(projected.relative), 9), .rose(projected.roseClass))
                if wide { line += (pad(projected.roseClass.label, 19), .rose(projected.roseClass)) }
            }
            if wide, let relative = evidence.relative(category) { line += (roseBar(relative, halfWidth: 10), .rose(category.roseClass)) }
            lines.append(line)
        }
        if listEmpty {
            lines += empty.map { StyledLine(pad($0, nameWidth) + "no data (load factors with --factors)", .dim) }
        } else if !empty.isEmpty {
            lines.append(StyledLine("+ \(empty.count) categories without data (load factors with --factors)", .dim))
        }
        if anyPartial { lines.append(StyledLine("* partial: some flows have no factor in this category (fleetprint assess lists which)", .dim)) }
        return lines
    }

    /// The realised relative result as a bar from the axis: left saves, right costs, full at ±100 %.
    static func roseBar(_ relative: Double, halfWidth: Int) -> String {
        let cells = Int((min(abs(relative), 1) * Double(halfWidth)).rounded())
        let left = relative < 0 ? String(repeating: " ", count: halfWidth - cells) + String(repeating: "▆", count: cells) : String(repeating: " ", count: halfWidth)
        let right = relative > 0 ? String(repeating: "▆", count: cells) : ""
        return left + "┃" + right
    }

    /// Column heading of `categories`, naming the method and price set the numbers are in.
    static func categoryHeading(wide: Bool, aggregate: FleetAggregate) -> String {
        let method = aggregate.method.map { " [\($0)\(aggregate.priceSet.map { ", \($0)" } ?? "")]" } ?? ""
        let others = aggregate.otherMethodInstances.isEmpty ? "" : " (not summed, other method: \(aggregate.otherMethodInstances.joined(separator: ", ")))"
        return (wide ? "net delta per category (case - baseline) in the rose's classes: realised │ projected · realised bar ±100 %"
            : "net delta per category: realised │ projected %") + method + others
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width - 1)) + " " : text + String(repeating: " ", count: width - text.count)
    }
}
