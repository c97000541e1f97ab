/// Which way a limit is crossed: flue-gas temperature alarms *above*, ionisation current *below*.
public enum Direction: String, Sendable, Hashable, CaseIterable {
    case above
    case below
}
