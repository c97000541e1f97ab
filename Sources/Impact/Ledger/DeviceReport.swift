/// One device priced: what happened against what the baseline would have done over the same
/// service time. `realised` holds parts, trips, ICT and the lifetimes that ended; `projected`
/// the production and planned renovations of the unit still running, amortised over assumed lives.
public struct DeviceReport: Sendable, Hashable, Codable {
    public var device: String
    public var kind: String
    public var scenario: String
    public var serviceYears: Double
    public var realised: Comparison
    public var projected: Comparison
}
