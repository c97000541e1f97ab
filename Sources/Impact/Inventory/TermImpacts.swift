/// A side's impact vector per term, so contributions stay visible after summing.
public struct TermImpacts: Sendable, Hashable, Codable {
    /// Term raw value to its vector; every term is present.
    public private(set) var vectors: [String: ImpactVector]

    public init(_ vectors: [Term: ImpactVector] = [:]) {
        self.vectors = Dictionary(uniqueKeysWithValues: Term.allCases.map { ($0.rawValue, vectors[$0] ?? .zero) })
    }

    public subscript(term: Term) -> ImpactVector { vectors[term.rawValue] ?? .zero }

    public func group(_ group: TermGroup) -> ImpactVector { ImpactVector.sum(group.terms.map { self[$0] }) }

    /// All terms, summed in `Term` order.
    public var total: ImpactVector { ImpactVector.sum(Term.allCases.map { self[$0] }) }

    public static func + (lhs: TermImpacts, rhs: TermImpacts) -> TermImpacts {
        TermImpacts(Dictionary(uniqueKeysWithValues: Term.allCases.map { ($0, lhs[$0] + rhs[$0]) }))
    }
}
