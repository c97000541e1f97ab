/// A group's realised evidence and verdicts as a summary carries them, for readers that do not
/// recompute them: derived from the numbers beside it (a Fleetprint reader recomputes, so that
/// sums over daemons are judged as sums). A kind's evidence is in its own numbers (service
/// years, visits and fixes, `baselineEvents`), so only the fleet's, which is not on the wire,
/// is written out.
struct WireJudgement: Codable, Equatable {
    var serviceYears: Double?
    var serviceEvents: Double?
    var baselineEvents: Double?
    /// One letter per summary category: `j` judged, `t` too early to judge, `n` no data.
    var verdicts: String
    /// p5 and p95 of the realised climate-change delta; absent without data.
    var climateRange: [Double]?

    init(_ group: GroupSummary, categories: [SummaryCategory], withEvidence: Bool) {
        let evidence = group.evidence
        if withEvidence {
            serviceYears = WireBalance.rounded(evidence.serviceYears)
            serviceEvents = WireBalance.rounded(evidence.serviceEvents)
            baselineEvents = WireBalance.rounded(evidence.baselineEvents)
        }
        verdicts = String(categories.map { summaryCategory in
            guard let category = group.realised.category(summaryCategory.id), category.delta != nil else { return "n" }
            return evidence.judges(category) ? "j" : "t"
        })
        climateRange = group.realised.climate?.deltaRange.map { [WireBalance.rounded($0.lowerBound), WireBalance.rounded($0.upperBound)] }
    }
}
