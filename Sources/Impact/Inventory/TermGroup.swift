/// The four contributions a comparison reports: avoided parts, avoided trips, lifetime, ICT overhead.
public enum TermGroup: String, Sendable, Hashable, Codable, CaseIterable {
    case parts
    case trips
    case lifetime
    case ict

    public var terms: [Term] { Term.allCases.filter { $0.group == self } }
}
