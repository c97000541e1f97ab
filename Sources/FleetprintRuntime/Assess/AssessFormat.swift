/// Output formats of `fleetprint assess`.
public enum AssessFormat: String, Sendable, CaseIterable {
    case table
    case json
    case csv
    case markdown
}
