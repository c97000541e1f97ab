/// The `kind:` of a rule in YAML; each has its own fields.
public enum RuleKind: String, Sendable, Hashable, CaseIterable {
    case threshold
    case rate
    case `repeat`
    case counter
    case missing
    case trend
}
