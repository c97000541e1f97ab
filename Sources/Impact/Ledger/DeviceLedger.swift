import Foundation

/// What happened to one device, as counts in event time: the ledger's "actual" side before any
/// profile or factor is applied, so a changed factor file re-prices history without replaying it.
public struct DeviceLedger: Sendable, Hashable, Codable {
    /// Trip key meaning "the policy's own visit or collection trip" when an event names none.
    public static let policyTrip = ""

    public var device: String
    public var kind: String
    /// Commissioning, or the first reading's time.
    public var firstSeen: Date?
    /// The latest event time seen (readings, events, bytes).
    public var lastSeen: Date?
    public var retiredAt: Date?
    /// End-of-life replacements: each is one whole device produced, a realised lifetime.
    public var replacements: Int = 0
    /// Start of the unit now in service (the last replacement, else first seen).
    public var unitSince: Date?
    public var kits: [String: Int] = [:]
    /// Parts replaced on their own, outside a kit.
    public var parts: [String: Int] = [:]
    /// Visits by trip id (`policyTrip` for the policy's visit trip).
    public var visits: [String: Int] = [:]
    /// Collections by trip id (`policyTrip` for the policy's collection trip).
    public var collections: [String: Int] = [:]
    public var remoteFixes: Int = 0
    public var customerFixes: Int = 0
    /// Renovations (or refurbishments) carried out, with their trips by id.
    public var renovations: [String: Int] = [:]
    /// Renovations of the unit now in service, so a projection does not count them again.
    public var renovationsOfUnit: Int = 0
    public var bytesReceived: Double = 0

    public init(device: String, kind: String) {
        self.device = device
        self.kind = kind
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
