import FleetModel
/// One device slot's current unit: its own random stream and rate factors, its counters and wear,
/// and what is broken. A replacement starts a new generation in the same slot and device id.
struct DeviceUnit: Sendable {
    let kind: Int
    let id: String
    let topic: String
    let slot: Int
    /// `DeviceIdentity.stableHash`: the device's random streams derive from it and the seed,
    /// never from its slot, so they do not change with the other devices simulated (a shard).
    let streamKey: UInt64
    var generation = 0
    var rng: SplitMix64
    /// The technicians' choices for this device (lead times), kept across its units.
    var technicians: SplitMix64
    var commissioned: Int64 = 0
    var last: Int64 = 0
    var usageFactor: [Double] = []
    var counters: [Double] = []
    var lastDelta: [Double] = []
    var wearFactor: [Double] = []
    var wear: [Double] = []
    /// Behaviour: customer advice slows an abuse (by hazard) down.
    var hazardFactor: [Double] = []
    /// Active faults by hazard index, in the order they occurred.
    var faults: [Int] = []
    /// Damage waiting for a repair, by hazard index.
    var damage: [Int] = []
    var plannedVisits = 0
    /// Second of the device's latest telemetry (kept across units: the device id stays).
    var lastTelemetry = Int64.min

    init(kind: Int, id: String, topic: String, slot: Int, streamKey: UInt64, seed: UInt64) {
        self.kind = kind
        self.id = id
        self.topic = topic
        self.slot = slot
        self.streamKey = streamKey
        rng = SplitMix64(seed: seed, stream: streamKey)
        technicians = SplitMix64(seed: seed, stream: streamKey, substream: .max)
    }
}
