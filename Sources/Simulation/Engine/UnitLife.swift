/// A unit that left service during the run, for comparing how long devices live under each mode.
public struct UnitLife: Sendable, Hashable {
    public var kind: String
    public var device: String
    public var years: Double
    /// Worn out (`end_of_life` reached or too much damage) rather than replaced by age or policy.
    public var wornOut: Bool
}
