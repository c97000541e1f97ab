/// Where a number comes from; the three kinds the method allows.
public enum SourceKind: String, Sendable, Hashable, CaseIterable {
    /// A published case study of a manufacturer (docs/DOMAIN.md section 3).
    case caseInput = "case-input"
    /// Public data with a year and a licence that allows shipping it.
    case openData = "open-data"
    /// A choice made here, with the reasoning written down.
    case assumption
}
