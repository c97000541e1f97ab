import Impact

/// The fleet or one kind, summed over every daemon that reports it: what one dashboard tab shows.
public struct ScopeFigures: Sendable, Equatable {
    /// The kind, or "fleet".
    public var name: String
    /// Devices priced by the ledger.
    public var devices: Int
    /// Devices heard from within `DaemonSummary.onlineWindow` of event time; nil when no daemon reports it.
    public var online: Int?
    public var serviceYears: Double
    /// What happened: parts, trips, ICT and lifetimes that ended.
    public var realised: Balance
    /// Production and planned renovations of running units, amortised over assumed lives.
    public var projected: Balance

    public init(_ group: GroupSummary, online: Int?) {
        name = group.name
        devices = group.devices
        self.online = online
        serviceYears = group.serviceYears
        realised = group.realised
        projected = group.projected
    }

    /// What the realised figures rest on, and whether they may be judged yet.
    public var evidence: RealisedEvidence { RealisedEvidence(serviceYears: serviceYears, realised: realised) }

    /// Devices not heard from lately (0 when unknown).
    public var offline: Int { online.map { max(devices - $0, 0) } ?? 0 }

    public static func + (lhs: ScopeFigures, rhs: ScopeFigures) -> ScopeFigures {
        var sum = lhs
        sum.devices += rhs.devices
        sum.online = lhs.online == nil && rhs.online == nil ? nil : (lhs.online ?? 0) + (rhs.online ?? 0)
        sum.serviceYears += rhs.serviceYears
        sum.realised = lhs.realised + rhs.realised
        sum.projected = lhs.projected + rhs.projected
        return sum
    }
}
