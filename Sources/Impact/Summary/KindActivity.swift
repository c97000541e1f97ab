import Foundation

/// How many devices of one kind a daemon knows and how many of them were heard from lately, in
/// event time: a replayed or accelerated fleet is judged by its own clock, not the wall's.
public struct KindActivity: Sendable, Hashable, Codable {
    public var kind: String
    public var devices: Int
    /// Devices whose latest message is within `DaemonSummary.onlineWindow` of the fleet's event time.
    public var online: Int

    public init(kind: String, devices: Int, online: Int) {
        self.kind = kind
        self.devices = devices
        self.online = online
    }

    /// Per kind, sorted by kind: devices and those seen within `window` before `now`.
    /// For the usual window the ledger's per-kind counts answer, whatever the fleet's size.
    public static func of(_ ledger: ImpactLedger, at now: Date?, window: TimeInterval = DaemonSummary.onlineWindow) -> [KindActivity] {
        let seen: [String: Int]? = if let now { ledger.seen(since: now.addingTimeInterval(-window)) } else { [:] }
        if window == DaemonSummary.onlineWindow, let seen {
            return ledger.kinds.keys.sorted().map { KindActivity(kind: $0, devices: ledger.kinds[$0]?.devices ?? 0, online: seen[$0] ?? 0) }
        }
        var byKind: [String: KindActivity] = [:]
        for device in ledger.devices.values {
            var activity = byKind[device.kind] ?? KindActivity(kind: device.kind, devices: 0, online: 0)
            activity.devices += 1
            if let now, let seen = device.lastSeen, now.timeIntervalSince(seen) <= window, !device.isRetired { activity.online += 1 }
            byKind[device.kind] = activity
        }
        return byKind.keys.sorted().compactMap { byKind[$0] }
    }
}
