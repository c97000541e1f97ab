import FleetModel
import Foundation

/// What happened to one device, as counts in event time: the ledger's "actual" side before any
/// profile or factor is applied, so a changed factor file re-prices history without replaying it.
/// Times in eight bytes (`Packed`), counts in four (`Tally`) and its service counts in one
/// array (`ServiceTallies`), as every device keeps one: 96 bytes where it took 176; its JSON
/// (`CodingKeys`) is as it was.
public struct DeviceLedger: Sendable, Hashable, Codable, DeviceKeyed {
    /// Trip key meaning "the policy's own visit or collection trip" when an event names none.
    public static let policyTrip = ""

    public var device: String
    public var kind: String
    /// Commissioning, or the first reading's time.
    @Packed public var firstSeen: Date? = nil
    /// The latest event time seen (readings, events, bytes).
    @Packed public var lastSeen: Date? = nil
    @Packed public var retiredAt: Date? = nil
    /// Start of the unit now in service (the last replacement, else first seen).
    @Packed public var unitSince: Date? = nil
    /// Kits used, parts replaced outside a kit, and visits, collections and renovations by trip.
    public internal(set) var tallies = ServiceTallies()
    public var bytesReceived: Double = 0
    /// End-of-life replacements: each is one whole device produced, a realised lifetime.
    @Tally public var replacements = 0
    @Tally public var remoteFixes = 0
    @Tally public var customerFixes = 0
    /// Renovations of the unit now in service, so a projection does not count them again.
    @Tally public var renovationsOfUnit = 0

    public init(device: String, kind: String) {
        self.device = device
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case device, kind, firstSeen, lastSeen, retiredAt, unitSince, kits, parts, visits, collections, renovations, bytesReceived
        case replacements, remoteFixes, customerFixes, renovationsOfUnit
    }

    /// Each group of service counts with the key it has in JSON.
    private static let tallyKeys: [(ServiceTallies.Group, CodingKeys)] =
        [(.kits, .kits), (.parts, .parts), (.visits, .visits), (.collections, .collections), (.renovations, .renovations)]

    /// Kits used, by kit.
    public var kits: [String: Int] { tallies[.kits] }
    /// Parts replaced on their own, outside a kit.
    public var parts: [String: Int] { tallies[.parts] }
    /// Visits by trip id (`policyTrip` for the policy's visit trip).
    public var visits: [String: Int] { tallies[.visits] }
    /// Collections by trip id (`policyTrip` for the policy's collection trip).
    public var collections: [String: Int] { tallies[.collections] }
    /// Renovations (or refurbishments) carried out, with their trips by id.
    public var renovations: [String: Int] { tallies[.renovations] }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(device: try c.decode(String.self, forKey: .device), kind: try c.decode(String.self, forKey: .kind))
        firstSeen = try c.decodeIfPresent(Date.self, forKey: .firstSeen)
        lastSeen = try c.decodeIfPresent(Date.self, forKey: .lastSeen)
        retiredAt = try c.decodeIfPresent(Date.self, forKey: .retiredAt)
        unitSince = try c.decodeIfPresent(Date.self, forKey: .unitSince)
        for (group, key) in Self.tallyKeys { tallies.set(try c.decode([String: Int].self, forKey: key), in: group) }
        bytesReceived = try c.decode(Double.self, forKey: .bytesReceived)
        (replacements, remoteFixes) = (try c.decode(Int.self, forKey: .replacements), try c.decode(Int.self, forKey: .remoteFixes))
        (customerFixes, renovationsOfUnit) = (try c.decode(Int.self, forKey: .customerFixes), try c.decode(Int.self, forKey: .renovationsOfUnit))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(device, forKey: .device)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(firstSeen, forKey: .firstSeen)
        try c.encodeIfPresent(lastSeen, forKey: .lastSeen)
        try c.encodeIfPresent(retiredAt, forKey: .retiredAt)
        try c.encodeIfPresent(unitSince, forKey: .unitSince)
        for (group, key) in Self.tallyKeys { try c.encode(tallies[group], forKey: key) }
        try c.encode(bytesReceived, forKey: .bytesReceived)
        for (count, key) in [(replacements, CodingKeys.replacements), (remoteFixes, .remoteFixes), (customerFixes, .customerFixes),
                             (renovationsOfUnit, .renovationsOfUnit)] {
            try c.encode(count, forKey: key)
        }
    }

    /// Extends the service time to cover `time` (times may arrive out of order).
    mutating func see(_ time: Date) {
        firstSeen = min(firstSeen ?? time, time)
        unitSince = min(unitSince ?? time, time)
        lastSeen = max(lastSeen ?? time, time)
    }

    /// Service time in years: first seen to retirement, or to the latest time seen.
    public var serviceYears: Double { Self.years(serviceMilliseconds) }

    /// Service time in whole milliseconds, so sums of it (`KindTotals`) are exact in any order.
    var serviceMilliseconds: Int64 { Self.span(from: firstSeen, to: retiredAt ?? lastSeen) }

    /// Time of the unit now in service; 0 once retired (nothing is left to project).
    var runningMilliseconds: Int64 { isRetired ? 0 : Self.span(from: unitSince, to: lastSeen) }

    public var isRetired: Bool { retiredAt != nil }

    /// When the device was last seen, for "online" counts; nil once retired.
    var sighting: Date? { isRetired ? nil : lastSeen }

    static func years(_ milliseconds: Int64) -> Double { Double(milliseconds) / 1000 / (365.25 * 86_400) }

    private static func span(from start: Date?, to end: Date?) -> Int64 {
        guard let start, let end else { return 0 }
        return max(0, milliseconds(end) - milliseconds(start))
    }

    private static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }
}
