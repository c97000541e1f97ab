/// What the added ICT takes: hardware (amortised over the item's life and shared devices), its
/// electricity, data traffic, the cloud server share and Fleetprint's own compute.
public struct ICTFlows: Sendable, Hashable, Codable {
    /// Amount per factor item, in the base unit of the item's dimension (kg for mass, count for pieces).
    public var embodied: [String: Double]
    /// Unit symbol of each `embodied` amount.
    public var embodiedUnits: [String: String]
    public var kilowattHours: Double
    public var gigabytes: Double
    public var serverCoreHours: Double
    /// Process CPU time of Fleetprint itself.
    public var cpuSeconds: Double

    public init(embodied: [String: Double] = [:], embodiedUnits: [String: String] = [:], kilowattHours: Double = 0,
                gigabytes: Double = 0, serverCoreHours: Double = 0, cpuSeconds: Double = 0) {
        self.embodied = embodied
        self.embodiedUnits = embodiedUnits
        self.kilowattHours = kilowattHours
        self.gigabytes = gigabytes
        self.serverCoreHours = serverCoreHours
        self.cpuSeconds = cpuSeconds
    }

    public static func + (lhs: ICTFlows, rhs: ICTFlows) -> ICTFlows {
        ICTFlows(embodied: Amounts.sum(lhs.embodied, rhs.embodied), embodiedUnits: lhs.embodiedUnits.merging(rhs.embodiedUnits) { a, _ in a },
                 kilowattHours: lhs.kilowattHours + rhs.kilowattHours, gigabytes: lhs.gigabytes + rhs.gigabytes,
                 serverCoreHours: lhs.serverCoreHours + rhs.serverCoreHours, cpuSeconds: lhs.cpuSeconds + rhs.cpuSeconds)
    }

    public func scaled(by factor: Double) -> ICTFlows {
        ICTFlows(embodied: Amounts.scaled(embodied, by: factor), embodiedUnits: embodiedUnits, kilowattHours: kilowattHours * factor,
                 gigabytes: gigabytes * factor, serverCoreHours: serverCoreHours * factor, cpuSeconds: cpuSeconds * factor)
    }
}
