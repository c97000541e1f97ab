import FleetModel
import Foundation
import Impact

/// The text of `fleetprint assess`: an assessment, a sweep or a Monte Carlo run as sections
/// (table, markdown, CSV) or as JSON with sorted keys (documented in Sources/Impact/README.md).
public struct AssessReport: Sendable {
    public let format: AssessFormat

    public init(format: AssessFormat) {
        self.format = format
    }

    public func render(_ assessment: Assessment) throws -> String {
        if format == .json { return try json(assessment) }
        var sections: [ReportSection] = []
        for scenario in assessment.scenarios {
            let name = "\(assessment.kind) \(scenario.scenario) vs baseline"
            sections.append(categories("\(name), per functional unit (\(assessment.functionalUnit))", scenario.perFunctionalUnit))
            sections.append(categories("\(name), whole life (\(NumberText.amount(scenario.lifeYears)) device-years)", scenario.wholeLife))
            sections.append(contributions("\(name): contributions per functional unit", scenario.perFunctionalUnit))
            sections.append(flows("\(name): flows per functional unit", scenario.perFunctionalUnit))
            sections.append(rose("\(name): rose", scenario.perFunctionalUnit))
        }
        sections.append(ReportSection(title: "Coverage", header: ["coverage", "categories"], rows: [
            ["complete", assessment.categoriesComplete.joined(separator: " ")],
            ["partial (some flows lack a factor)", assessment.categoriesPartial.joined(separator: " ")],
            ["no factor data", assessment.categoriesWithoutData.joined(separator: " ")],
        ]))
        sections.append(ReportSection(title: "Shadow prices (\(assessment.priceSet), method \(assessment.method))", header: ["category", "unit", "EUR per unit", "source"],
                                      rows: assessment.prices.map { price in
            [price.category, price.unit, price.euroPerUnit.map(NumberText.amount) ?? "-", price.source ?? "no price in this set: left out of every EUR figure"]
        }))
        sections.append(ReportSection(title: "Factors used", header: ["item", "category", "value", "unit", "low", "high", "source", "year", "licence"],
                                      rows: assessment.factors.map { factor in
            [factor.item, factor.category, NumberText.amount(factor.value), factor.unit, NumberText.amount(factor.low), NumberText.amount(factor.high),
             factor.source, factor.year.map(String.init) ?? "-", factor.licence]
        }))
        let priced = assessment.prices.filter { $0.euroPerUnit != nil }.count
        return joined(sections, preface: """
            Method: \(assessment.method); shadow prices: \(assessment.priceSet) (\(priced) of \(assessment.prices.count) categories priced).
            \(assessment.convention); scope relative = delta / the baseline of only the terms that differ (parts, trips, ICT, renovation, and production where the lives differ).
            Single score: \(SingleScore.label). Rose: an indicator of several categories is their shadow-priced sum's relative change; the unweighted mean stands beside it.
            """)
    }

    public func render(_ sweep: SweepResult) throws -> String {
        if format == .json { return try json(sweep) }
        let categories = sweep.breakEvens.map(\.category).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let points = ReportSection(title: "Net benefit (baseline - case) per functional unit over \(sweep.parameter)",
                                   header: ["scenario", sweep.parameter] + categories,
                                   rows: sweep.points.flatMap { point in point.scenarios.map { scenario in
            [scenario.scenario, NumberText.amount(point.value)] + categories.map { NumberText.amount(scenario.netBenefit[$0]) }
        } })
        let breakEvens = ReportSection(title: "Break-even of \(sweep.parameter) (net benefit crosses zero)",
                                       header: ["scenario", "category", "crossings", "benefit at \(NumberText.amount(sweep.from))", "benefit at \(NumberText.amount(sweep.to))"],
                                       rows: sweep.breakEvens.map { even in
            [even.scenario, even.category, even.crossings.isEmpty ? "none in range" : even.crossings.map(NumberText.amount).joined(separator: " "),
             NumberText.amount(even.benefitAtStart), NumberText.amount(even.benefitAtEnd)]
        })
        return joined([points, breakEvens], preface: "Sweep of \(sweep.parameter) from \(NumberText.amount(sweep.from)) to \(NumberText.amount(sweep.to)) in \(sweep.steps) points.")
    }

    public func render(_ result: MonteCarloResult) throws -> String {
        if format == .json { return try json(result) }
        let rows = result.scenarios.flatMap { scenario in
            scenario.categories.keys.sorted().map { category in
                let p = scenario.categories[category]!
                return [scenario.scenario, "total", category, NumberText.amount(p.p5), NumberText.amount(p.p50), NumberText.amount(p.p95)]
            } + scenario.contributions.keys.sorted().flatMap { term in
                (scenario.contributions[term] ?? [:]).sorted { $0.key < $1.key }.map { category, p in
                    [scenario.scenario, term, category, NumberText.amount(p.p5), NumberText.amount(p.p50), NumberText.amount(p.p95)]
                }
            }
        }
        return joined([ReportSection(title: "Monte Carlo: delta (case - baseline) per functional unit, \(result.runs) runs, seed \(result.seed)",
                                     header: ["scenario", "term", "category", "p5", "p50", "p95"], rows: rows)],
                      preface: "Sampling: \(result.distribution).")
    }

    // MARK: Sections

    private func categories(_ title: String, _ comparison: Comparison) -> ReportSection {
        var rows = comparison.categories.filter { $0.coverage != .none }.map { result in
            [result.category, result.unit, result.coverage.rawValue, NumberText.amount(result.baseline), NumberText.amount(result.case),
             NumberText.amount(result.delta), NumberText.percent(result.relative), NumberText.percent(result.scopeRelative),
             RoseClass(relative: result.relative).label, NumberText.euros(result.euros)]
        }
        rows.append(["single score (internal decision aid)", "EUR", "", "", "", "", NumberText.percent(comparison.overallRelative), "", "mean of categories",
                     NumberText.euros(comparison.singleScore.euros)])
        return ReportSection(title: title, header: ["category", "unit", "coverage", "baseline", "case", "delta", "relative", "scope relative", "class", "EUR"], rows: rows)
    }

    private func contributions(_ title: String, _ comparison: Comparison) -> ReportSection {
        let categories = comparison.categories.filter { $0.coverage != .none }.map(\.category)
        return ReportSection(title: title, header: ["term", "category", "baseline", "case", "delta"], rows: (comparison.contributions + comparison.terms.filter { $0.term.hasPrefix("ict-") }).flatMap { term in
            categories.filter { term.baseline.hasData($0) || term.case.hasData($0) }.map { category in
                [term.term, category, NumberText.amount(term.baseline[category] ?? 0), NumberText.amount(term.case[category] ?? 0), NumberText.amount(term.delta[category] ?? 0)]
            }
        })
    }

    private func flows(_ title: String, _ comparison: Comparison) -> ReportSection {
        let base = comparison.baseline.inventory
        let smart = comparison.case.inventory
        func row(_ name: String, _ a: Double, _ b: Double) -> [String] { [name, NumberText.amount(a), NumberText.amount(b), NumberText.amount(b - a)] }
        func keyed(_ prefix: String, _ a: [String: Double], _ b: [String: Double]) -> [[String]] {
            Set(a.keys).union(b.keys).sorted().map { row("\(prefix) \($0)", a[$0] ?? 0, b[$0] ?? 0) }
        }
        var rows = keyed("kits", base.parts.kits, smart.parts.kits) + keyed("parts kg", base.parts.kilograms, smart.parts.kilograms)
        rows += [row("visits", base.trips.visits, smart.trips.visits), row("collections", base.trips.collections, smart.trips.collections)]
        rows += keyed("km", base.trips.kilometres, smart.trips.kilometres)
        rows += [row("life years", base.lifetime.lifeYears, smart.lifetime.lifeYears)]
        rows += keyed("production kg", base.lifetime.productionKilograms, smart.lifetime.productionKilograms)
        rows += keyed("renovation kg", base.lifetime.renovationKilograms, smart.lifetime.renovationKilograms)
        rows += [row("ICT kWh", base.ict.kilowattHours, smart.ict.kilowattHours), row("ICT GB", base.ict.gigabytes, smart.ict.gigabytes),
                 row("server vCPU-hours", base.ict.serverCoreHours, smart.ict.serverCoreHours), row("Fleetprint CPU s", base.ict.cpuSeconds, smart.ict.cpuSeconds)]
        return ReportSection(title: title, header: ["flow", "baseline", "case", "delta"], rows: rows)
    }

    private func rose(_ title: String, _ comparison: Comparison) -> ReportSection {
        let petals = comparison.rose.rings.map { [$0.ring.rawValue, $0.indicator, NumberText.percent($0.relative), $0.colour.label, $0.weighting, NumberText.percent($0.unweightedRelative)] }
            + comparison.rose.summary.map { ["summary", $0.indicator, NumberText.percent($0.relative), $0.colour.label, $0.weighting, NumberText.percent($0.unweightedRelative)] }
        return ReportSection(title: title, header: ["ring", "indicator", "relative", "class", "weighting", "unweighted mean"], rows: petals)
    }

    // MARK: Output

    private func joined(_ sections: [ReportSection], preface: String) -> String {
        let body = sections.map { $0.rendered(as: format) }
        return format == .csv ? body.joined(separator: "\n") : ([preface] + body).joined(separator: "\n\n")
    }

    private func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
