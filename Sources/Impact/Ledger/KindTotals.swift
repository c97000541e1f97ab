/// What a kind's inventories are linear in, summed over its devices' ledgers: service time, the
/// counts of kits, parts, trips and fixes, lifetimes ended and renovations. `ImpactLedger` keeps
/// it up to date as events arrive, so pricing a fleet costs the same for a hundred devices as
/// for a million. Times are whole milliseconds, so totals kept up to date equal totals summed
/// afresh after a restart, in any order, to the last bit.
public struct KindTotals: Sendable, Hashable {
    public private(set) var devices = 0
    private var serviceMilliseconds: Int64 = 0
    private var realisedMilliseconds: Int64 = 0
    /// Running time of units with a renovation still pending, and of units renovated already.
    private var runningMilliseconds: Int64 = 0
    private var renovatedRunningMilliseconds: Int64 = 0
    private(set) var renovatedUnits = 0
    private(set) var bytes: Double = 0
    /// Whole devices whose lifetime ended: replacements and retirements.
    private(set) var ended = 0
    private(set) var remoteFixes = 0
    private(set) var customerFixes = 0
    private(set) var kits: [String: Int] = [:]
    private(set) var parts: [String: Int] = [:]
    private(set) var visits: [String: Int] = [:]
    private(set) var collections: [String: Int] = [:]
    private(set) var renovations: [String: Int] = [:]

    init() {}

    /// One device's share.
    init(_ device: DeviceLedger) {
        add(device, sign: 1, counts: true)
    }

    public var serviceYears: Double { DeviceLedger.years(serviceMilliseconds) }
    var realisedYears: Double { DeviceLedger.years(realisedMilliseconds) }
    var runningYears: Double { DeviceLedger.years(runningMilliseconds) }
    var renovatedRunningYears: Double { DeviceLedger.years(renovatedRunningMilliseconds) }

    /// Adds (`sign` 1) or takes away (-1) a device's share: its times and bytes always, its counts
    /// only with `counts` (a message changes times and bytes; a service event changes counts).
    mutating func add(_ device: DeviceLedger, sign: Int, counts: Bool) {
        add(LedgerTimeShare(device), sign: sign)
        if counts { addCounts(device, sign: sign) }
    }

    /// Adds or takes away a device's times and bytes.
    mutating func add(_ share: LedgerTimeShare, sign: Int) {
        let wide = Int64(sign)
        serviceMilliseconds += wide * share.serviceMilliseconds
        realisedMilliseconds += wide * (share.serviceMilliseconds - share.runningMilliseconds)
        if share.renovated { renovatedRunningMilliseconds += wide * share.runningMilliseconds } else { runningMilliseconds += wide * share.runningMilliseconds }
        bytes += Double(sign) * share.bytes
    }

    /// A device's times and bytes changed from `before` (nil for a new device) to `after`.
    mutating func replace(_ before: LedgerTimeShare?, with after: LedgerTimeShare) {
        if let before { add(before, sign: -1) }
        add(after, sign: 1)
    }

    /// Where this kind keeps the totals of a group of a device's service counts.
    private static func totals(of group: ServiceTallies.Group) -> WritableKeyPath<Self, [String: Int]> {
        switch group {
        case .kits: \.kits
        case .parts: \.parts
        case .visits: \.visits
        case .collections: \.collections
        case .renovations: \.renovations
        }
    }

    /// Adds or takes away a device's counts: the device itself, its kits, parts, trips, fixes,
    /// ended lifetimes and renovations.
    mutating func addCounts(_ device: DeviceLedger, sign: Int) {
        devices += sign
        if device.renovationsOfUnit > 0 { renovatedUnits += sign }
        ended += sign * (device.replacements + (device.isRetired ? 1 : 0))
        remoteFixes += sign * device.remoteFixes
        customerFixes += sign * device.customerFixes
        for entry in device.tallies.entries {
            let totals = Self.totals(of: entry.group)
            self[keyPath: totals][entry.name, default: 0] += sign * Int(entry.count)
            if self[keyPath: totals][entry.name] == 0 { self[keyPath: totals][entry.name] = nil }
        }
    }
}
