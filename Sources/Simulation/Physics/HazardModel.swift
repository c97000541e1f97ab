import FleetModel

/// A random fault or an abuse event, compiled: how often, how it shows, what it breaks.
struct HazardModel: Sendable {
    let id: String
    /// Mean seconds between occurrences for a unit of nominal use (usage intervals are converted).
    let meanSeconds: Double
    /// Usage model whose device factor scales the rate, for usage-driven hazards.
    let usage: Int?
    let metric: Int
    /// The enum label a fault shows; nil for an event metric (the symptom is a count of 1).
    let label: String?
    /// A fault stays until fixed; an abuse event is a pulse that may leave damage.
    let isFault: Bool
    let resolution: Resolution
    let kit: String?
    let damageShare: Double
}
