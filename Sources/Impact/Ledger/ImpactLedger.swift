import FleetModel
import Foundation

/// The running comparative LCA of a fleet, fed in event time. It only counts what happened
/// (`DeviceLedger`); `LedgerModel` prices it against the baseline counterfactual when asked,
/// so the state is small, Codable and independent of the factor files.
///
/// Feed it: `receive` for the bytes of every message (which also extends the device's service
/// time), `record` for every ServiceEvent, `addCompute` for Fleetprint's CPU time,
/// `commission`/`retire` when a device enters or leaves service, `replacePart` for a part
/// replaced outside a kit.
public struct ImpactLedger: Sendable, Hashable, Codable {
    /// Keyed by `DeviceIdentity.key` (`kind/device`): ids are unique only within a kind.
    public private(set) var devices = DeviceTable<DeviceLedger>()
    /// Fleetprint's own process CPU time, shared among devices by their service time.
    public private(set) var cpuSeconds: Double = 0
    /// Per kind, the totals its pricing needs, kept up to date with `devices` (never saved: they
    /// are summed afresh when a ledger is read).
    public private(set) var kinds: [String: KindTotals] = [:]
    /// Per kind, when its devices were last seen within the latest day (never saved either).
    private var sightings: [String: RecentSightings] = [:]

    public init() {}

    /// One device's ledger, nil when it was never seen.
    public func device(_ identity: DeviceIdentity) -> DeviceLedger? { device(kind: identity.kind, id: identity.id) }

    /// The same for the device `id` of `kind`, found without building its key.
    public func device(kind: String, id: String) -> DeviceLedger? { devices.index(kind: kind, id: id).map { devices[place: $0] } }

    enum CodingKeys: String, CodingKey {
        case devices, cpuSeconds
    }

    /// Reads a saved ledger; entries saved under the id alone (before kinds were part of the
    /// key) are filed under their kind and id, so an older checkpoint restores into this shape.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let saved = try container.decode([String: DeviceLedger].self, forKey: .devices)
        for device in saved.values { restore(device) }
        cpuSeconds = try container.decode(Double.self, forKey: .cpuSeconds)
    }

    /// A device entered service at `time`.
    public mutating func commission(device: String, kind: String, at time: Date) {
        commission(DeviceIdentity(kind: kind, id: device), at: time)
    }

    /// A device entered service at `time`.
    public mutating func commission(_ identity: DeviceIdentity, at time: Date) {
        update(kind: identity.kind, id: identity.id, time, counts: false) { _ in }
    }

    /// A message from the device at `time`: extends its service time, and its bytes are what data
    /// transmission is charged on.
    public mutating func receive(bytes: Int, device: DeviceIdentity, at time: Date) {
        receive(bytes: bytes, kind: device.kind, id: device.id, at: time)
    }

    /// The same for the device `id` of `kind` (found without building its key).
    public mutating func receive(bytes: Int, kind: String, id: String, at time: Date) {
        update(kind: kind, id: id, time, counts: false) { $0.bytesReceived += Double(bytes) }
    }

    /// A maintenance fact: a visit (with its kit), a kit, a remote or customer fix, a collection,
    /// a renovation, or an end-of-life replacement.
    public mutating func record(_ event: ServiceEvent) {
        let trip = event.trip ?? DeviceLedger.policyTrip
        update(event.device, event.kind, event.time) { ledger in
            if let kit = event.kit { ledger.tallies.add(1, to: kit, in: .kits) }
            switch event.action {
            case .visit: ledger.tallies.add(1, to: trip, in: .visits)
            case .kitUsed: break
            case .remoteFix: ledger.remoteFixes += 1
            case .customerFix: ledger.customerFixes += 1
            case .collection: ledger.tallies.add(1, to: trip, in: .collections)
            case .renovation:
                ledger.tallies.add(1, to: trip, in: .renovations)
                ledger.renovationsOfUnit += 1
            case .replacement:
                ledger.replacements += 1
                ledger.unitSince = event.time
                ledger.renovationsOfUnit = 0
            }
        }
    }

    /// `count` of one part replaced outside a kit.
    public mutating func replacePart(_ part: String, count: Int = 1, device: String, kind: String, at time: Date) {
        update(device, kind, time) { $0.tallies.add(count, to: part, in: .parts) }
    }

    /// The device left service at `time`: its lifetime is realised.
    public mutating func retire(device: String, kind: String, at time: Date) {
        update(device, kind, time) { $0.retiredAt = max($0.retiredAt ?? time, time) }
    }

    /// Fleetprint's process CPU time since the last call.
    public mutating func addCompute(cpuSeconds seconds: Double) {
        cpuSeconds += seconds
    }

    /// Puts back one device's ledger as a checkpoint saved it (replacing any held for it).
    public mutating func restore(_ device: DeviceLedger) {
        let old = devices.store(device)
        if let old { kinds[old.kind, default: KindTotals()].add(old, sign: -1, counts: true) }
        kinds[device.kind, default: KindTotals()].add(device, sign: 1, counts: true)
        sightings[device.kind, default: RecentSightings()].move(from: old?.sighting, to: device.sighting)
    }

    /// Per kind, how many devices (not retired) were last seen at `time` or later; nil when that is
    /// more than `DaemonSummary.onlineWindow` before the latest sighting (look through the devices).
    public func seen(since time: Date) -> [String: Int]? {
        var seen: [String: Int] = [:]
        for (kind, kindSightings) in sightings {
            guard let count = kindSightings.count(since: time) else { return nil }
            seen[kind] = count
        }
        return seen
    }

    /// Puts back the fleet-wide CPU time as a checkpoint saved it.
    public mutating func restore(cpuSeconds seconds: Double) {
        cpuSeconds = seconds
    }

    /// Changes the device's ledger in place (a copy out and back would copy its dictionaries) and
    /// its kind's totals by the difference: times and bytes always, counts when `counts` says the
    /// change may touch them.
    private mutating func update(_ device: String, _ kind: String, _ time: Date, _ change: (inout DeviceLedger) -> Void) {
        update(kind: kind, id: device, time, counts: true, change)
    }

    /// Finds the device's ledger by kind and id (a new one when it has none) and changes it.
    private mutating func update(kind: String, id: String, _ time: Date, counts: Bool, _ change: (inout DeviceLedger) -> Void) {
        if let known = devices.index(kind: kind, id: id) {
            update(known, kind, time, counts: counts, isNew: false, change)
        } else {
            devices.store(DeviceLedger(device: id, kind: kind))
            update(devices.count - 1, kind, time, counts: counts, isNew: true, change)
        }
    }

    /// Changes the ledger at `slot` of a device of `kind`, just stored when `isNew`.
    private mutating func update(_ slot: Int, _ kind: String, _ time: Date, counts: Bool, isNew: Bool, _ change: (inout DeviceLedger) -> Void) {
        // Only a change that may touch the counts (a service event, not a message) copies the
        // ledger, to take its old counts away; times and bytes are read in place.
        if counts && !isNew { kinds[kind, default: KindTotals()].addCounts(devices[place: slot], sign: -1) }
        let (before, after) = Self.apply(change, at: time, to: &devices[place: slot])
        kinds[kind, default: KindTotals()].replace(isNew ? nil : before.share, with: after.share)
        if counts || isNew { kinds[kind, default: KindTotals()].addCounts(devices[place: slot], sign: 1) }
        if after.sighting != before.sighting { sightings[kind, default: RecentSightings()].move(from: before.sighting, to: after.sighting) }
    }

    /// Sees the device at `time` and changes it, in place; its times, bytes and sighting before and after.
    private static func apply(_ change: (inout DeviceLedger) -> Void, at time: Date, to ledger: inout DeviceLedger)
        -> (before: (share: LedgerTimeShare, sighting: Date?), after: (share: LedgerTimeShare, sighting: Date?)) {
        let before = (LedgerTimeShare(ledger), ledger.sighting)
        ledger.see(time)
        change(&ledger)
        return (before, (LedgerTimeShare(ledger), ledger.sighting))
    }

    /// The state as JSON with sorted keys: the same ledger gives the same bytes.
    public func encoded() throws -> Data {
        try Self.encoder.encode(self)
    }

    public static func decoded(from data: Data) throws -> ImpactLedger {
        try JSONDecoder().decode(ImpactLedger.self, from: data)
    }

    /// Sorted keys, so that persisted state and reports are byte-stable.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
