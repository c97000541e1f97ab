/// A gauge's simulated value: where a new unit starts, how it drifts with wear, and what brings it back.
struct GaugeModel: Sendable {
    let metric: Int
    let start: Double
    let low: Double
    let high: Double
    let noise: Double
    /// Drift per unit of `usage` (a usage model index), or per second when nil.
    let wearPer: Double
    let usage: Int?
    let spread: Double
    let restoredBy: Set<String>
    let byCollection: Bool
    /// The value at which the unit fails beyond repair; such wear is never restored.
    let endOfLife: Double?

    /// Kit-less consumables (water pressure, a sensor battery) that any visit or fix of their rule restores.
    var isConsumable: Bool { restoredBy.isEmpty && !byCollection && endOfLife == nil }

    func value(wear: Double) -> Double { min(high, max(low, start + wear)) }

    func isWornOut(wear: Double) -> Bool {
        guard let endOfLife else { return false }
        return wearPer < 0 ? start + wear <= endOfLife : start + wear >= endOfLife
    }
}
