/// A kind's devices, or the whole fleet, summed: the numbers a dashboard shows.
public struct GroupSummary: Sendable, Equatable {
    /// The kind, or "fleet".
    public var name: String
    public var devices: Int
    public var serviceYears: Double
    /// What happened: parts, trips, ICT and lifetimes that ended.
    public var realised: Balance
    /// Production and planned renovations of running units, amortised over assumed lives.
    public var projected: Balance

    public init(name: String, devices: Int, serviceYears: Double, realised: Balance, projected: Balance) {
        self.name = name
        self.devices = devices
        self.serviceYears = serviceYears
        self.realised = realised
        self.projected = projected
    }

    /// What the realised figures rest on, and whether they may be judged.
    public var evidence: RealisedEvidence { RealisedEvidence(serviceYears: serviceYears, realised: realised) }

    /// Groups summed: the fleet of its kinds, or a kind over several daemons.
    public static func + (lhs: GroupSummary, rhs: GroupSummary) -> GroupSummary {
        GroupSummary(name: lhs.name, devices: lhs.devices + rhs.devices, serviceYears: lhs.serviceYears + rhs.serviceYears,
                     realised: lhs.realised + rhs.realised, projected: lhs.projected + rhs.projected)
    }
}
