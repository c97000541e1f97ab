/// The evidence behind a realised figure, and whether it is enough to judge. Early on, a fleet
/// has run too little for its service events to say anything: one visit more or less than the
/// baseline's expectation swings the result by orders of magnitude. So a realised category is
/// judged only once the p5 to p95 range of its delta excludes zero (with enough baseline events
/// for that range to mean something), or once `minimumServiceYears` of service have accrued.
public struct RealisedEvidence: Sendable, Equatable {
    /// Device-years of service after which realised figures are shown whatever their range.
    public static let minimumServiceYears = 10.0
    /// Baseline events below which a range is not trusted and relative figures are not shown:
    /// the usual floor for the normal approximation of a Poisson count.
    public static let minimumBaselineEvents = 5.0

    public var serviceYears: Double
    /// Service events the smart fleet saw (visits, remote and customer fixes).
    public var serviceEvents: Double
    /// Service events the baseline policy expects over the same service time.
    public var baselineEvents: Double

    public init(serviceYears: Double, realised: Balance) {
        self.serviceYears = serviceYears
        serviceEvents = realised.caseEvents
        baselineEvents = realised.baselineEvents
    }

    /// Whether `category`'s realised delta may be shown as a result.
    public func judges(_ category: CategoryBalance) -> Bool {
        guard category.delta != nil else { return false }
        if serviceYears >= Self.minimumServiceYears { return true }
        guard baselineEvents >= Self.minimumBaselineEvents, let range = category.deltaRange else { return false }
        return range.lowerBound > 0 || range.upperBound < 0
    }

    /// `category`'s relative result, or nil where it would divide by a near-zero baseline: before
    /// judgement, or while the baseline expects fewer than `minimumBaselineEvents` events.
    public func relative(_ category: CategoryBalance) -> Double? {
        judges(category) && baselineEvents >= Self.minimumBaselineEvents ? category.relative : nil
    }
}
