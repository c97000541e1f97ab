/// One category's baseline and case in amounts that add across daemons; delta, relative and the
/// rose class are derived the way `CategoryResult` derives them, so one daemon shows the same bits.
public struct CategoryBalance: Sendable, Equatable {
    public var id: String
    public var name: String
    public var unit: String
    public var coverage: Coverage
    public var baseline: Double?
    public var `case`: Double?
    public var euros: Double?
    /// The realised baseline's variance from the randomness of its service events (see
    /// `Balance.withEventVariance`); nil for projected amounts, which are expectations by design.
    /// Variances of independent kinds and daemons add.
    public var baselineVariance: Double?

    public init(id: String, name: String, unit: String, coverage: Coverage, baseline: Double?, case smart: Double?, euros: Double?,
                baselineVariance: Double? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.coverage = coverage
        self.baseline = baseline
        self.case = smart
        self.euros = euros
        self.baselineVariance = baselineVariance
    }

    public init(_ result: CategoryResult) {
        id = result.category
        name = result.name
        unit = result.unit
        coverage = result.coverage
        baseline = result.baseline
        self.case = result.case
        euros = result.euros
    }

    /// Case minus baseline; nil without data.
    public var delta: Double? {
        guard let baseline, let smart = self.case else { return nil }
        return smart - baseline
    }

    /// Delta over baseline, as `CategoryResult.relative`.
    public var relative: Double? {
        guard let baseline, let delta else { return nil }
        return baseline != 0 ? delta / baseline : (delta == 0 ? 0 : nil)
    }

    public var roseClass: RoseClass { RoseClass(relative: relative) }

    /// p5 to p95 of case minus baseline: the baseline's count of service events could have come
    /// out anywhere in its p5 to p95 (normal approximation, ±1.645 standard deviations); nil
    /// without data or variance.
    public var deltaRange: ClosedRange<Double>? {
        guard let delta, let baselineVariance else { return nil }
        let half = 1.6448536 * baselineVariance.squareRoot()
        return (delta - half)...(delta + half)
    }

    public static func + (lhs: CategoryBalance, rhs: CategoryBalance) -> CategoryBalance {
        var sum = lhs
        sum.coverage = switch (lhs.coverage, rhs.coverage) {
        case (.none, let other), (let other, .none): other
        case (.complete, .complete): .complete
        default: .partial
        }
        sum.baseline = add(lhs.baseline, rhs.baseline)
        sum.case = add(lhs.case, rhs.case)
        sum.euros = add(lhs.euros, rhs.euros)
        sum.baselineVariance = add(lhs.baselineVariance, rhs.baselineVariance)
        return sum
    }

    private static func add(_ lhs: Double?, _ rhs: Double?) -> Double? {
        lhs == nil && rhs == nil ? nil : (lhs ?? 0) + (rhs ?? 0)
    }
}
