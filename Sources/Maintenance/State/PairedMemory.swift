import FleetModel

/// What a threshold rule or a counter rule remembers between readings: two numbers, 16 bytes,
/// with no tag of its form (the engine knows each rule's form; a `RuleMemory` took 24 with it).
/// A threshold rule keeps since when the value has been past its alert (`first`) and its alarm
/// level (`second`); a counter rule keeps the counter's value at the last service (`first`) and
/// its latest value (`second`).
struct PairedMemory: Sendable, Hashable {
    var first: OptionalNumber = nil
    var second: OptionalNumber = nil
}
