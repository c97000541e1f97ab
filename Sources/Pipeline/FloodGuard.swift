import FleetModel
import Foundation
import Maintenance

/// Caps the messages one device may send per hour of event time at ten times what its profile's
/// fastest sample period implies, so a babbling device cannot crowd out the fleet or the ledger.
/// In event time, so a replay at any speed decides exactly as live; each device's count is its
/// `DeviceState.flood`.
enum FloodGuard {
    static let headroom = 10.0

    /// The most messages per hour a device of this profile may send.
    static func limit(for profile: DeviceProfile) -> Int {
        let fastest = profile.telemetry.metrics.compactMap { $0.samplePeriod?.baseValue }.filter { $0 > 0 }.min() ?? 60
        return max(60, Int(headroom * 3600 / fastest))
    }
}
