/// The ledger priced per kind and for the fleet. Devices of a kind no profile knows are counted,
/// not priced.
public struct FleetSummary: Sendable, Hashable, Codable {
    public var fleet: GroupSummary
    /// Sorted by kind.
    public var kinds: [GroupSummary]
    public var unpricedDevices: [String]
}
