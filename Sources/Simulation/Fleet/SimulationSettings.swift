import FleetModel
import Foundation

/// Everything that decides a simulated run; the same settings give the same messages, byte for byte.
public struct SimulationSettings: Sendable, Hashable {
    public var fleet: FleetSpec
    public var years: Double
    /// Time between samples; each kind uses the coarser of this and its profile's sample period.
    public var period: TimeInterval?
    public var seed: UInt64
    public var mode: MaintenanceMode
    /// Event time of the first commissioning. Fixed, never the wall clock, so runs repeat.
    public var start: Date
    /// Commissioning dates are spread over this much event time from `start` (at most the run):
    /// a year gives a fleet of mixed ages; a day brings every device online at once, as a live
    /// demonstration wants.
    public var commissioningSpread: TimeInterval
    /// Simulate only the devices of this partition of the fleet (`simulate --shard`); their
    /// streams are the same as in the whole fleet's run, so N shards' ledgers add up to it.
    public var shard: Partition?

    public static let defaultStart = Date(timeIntervalSince1970: 1_767_225_600) // 2026-01-01T00:00:00Z
    /// A year: a fleet of mixed ages.
    public static let defaultCommissioningSpread: TimeInterval = 365.25 * 86_400

    public init(fleet: FleetSpec, years: Double = 15, period: TimeInterval? = nil, seed: UInt64 = 42, mode: MaintenanceMode = .cbm,
                start: Date = SimulationSettings.defaultStart, commissioningSpread: TimeInterval = SimulationSettings.defaultCommissioningSpread, shard: Partition? = nil) {
        self.fleet = fleet
        self.years = years
        self.period = period
        self.seed = seed
        self.mode = mode
        self.start = start
        self.commissioningSpread = commissioningSpread
        self.shard = shard
    }

    var startSeconds: Int64 { Int64(start.timeIntervalSince1970.rounded()) }
    var endSeconds: Int64 { startSeconds + Int64((years * Physics.year).rounded()) }
}
