/// The ledger priced per kind and for the fleet. Devices of a kind no profile knows are counted,
/// not priced.
public struct FleetSummary: Sendable, Hashable, Codable {
    /// The characterisation method and price set every number is in: summaries of different
    /// methods are never summed.
    public var method: String?
    public var priceSet: String?
    public var fleet: GroupSummary
    /// Sorted by kind.
    public var kinds: [GroupSummary]
    public var unpricedDevices: [String]
}
