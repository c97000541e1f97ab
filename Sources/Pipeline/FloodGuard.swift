import FleetModel
import Foundation

/// Caps the messages one device may send per hour of event time at ten times what its profile's
/// fastest sample period implies, so a babbling device cannot crowd out the fleet or the ledger.
/// In event time, so a replay at any speed decides exactly as live.
public struct FloodGuard: Sendable, Hashable, Codable {
    /// Per device key: the event-time hour being counted and the messages in it.
    private var windows: [String: FloodWindow] = [:]

    public init() {}

    static let window: TimeInterval = 3600
    static let headroom = 10.0

    /// The most messages per hour a device of this profile may send.
    static func limit(for profile: DeviceProfile) -> Int {
        let fastest = profile.telemetry.metrics.compactMap { $0.samplePeriod?.baseValue }.filter { $0 > 0 }.min() ?? 60
        return max(60, Int(headroom * window / fastest))
    }

    /// Counts a message; false when the device is over its limit for that hour.
    mutating func admit(_ key: String, at time: Date, limit: Int) -> Bool {
        let hour = Int64((time.timeIntervalSince1970 / Self.window).rounded(.down))
        return Self.count(hour, in: &windows[key, default: FloodWindow(hour: hour, count: 0)], limit: limit)
    }

    /// One lookup per message: the window is counted in place.
    private static func count(_ hour: Int64, in window: inout FloodWindow, limit: Int) -> Bool {
        if window.hour < hour { window = FloodWindow(hour: hour, count: 0) }
        // A late message from an earlier hour is the engine's to judge (stale or not).
        guard window.hour == hour else { return true }
        window.count += 1
        return window.count <= limit
    }

    /// The device's window, saved with the device so a checkpoint writes only the changed ones.
    public func window(of key: String) -> FloodWindow? { windows[key] }

    public mutating func restore(_ window: FloodWindow, of key: String) { windows[key] = window }
}
