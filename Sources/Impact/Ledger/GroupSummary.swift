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
}
