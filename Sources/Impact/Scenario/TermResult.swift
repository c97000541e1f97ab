/// One contribution (parts, trips, lifetime, ICT) on both sides and its delta, per category.
public struct TermResult: Sendable, Hashable, Codable {
    public var term: String
    public var baseline: ImpactVector
    public var `case`: ImpactVector
    /// Case minus baseline.
    public var delta: ImpactVector

    public init(term: String, baseline: ImpactVector, case smart: ImpactVector) {
        self.term = term
        self.baseline = baseline
        self.case = smart
        delta = smart - baseline
    }
}
