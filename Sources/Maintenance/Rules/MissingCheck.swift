import FleetModel
import Foundation

/// Fires when a metric has been silent for `after` in event time. It is a timer: checked when the
/// device's own readings or the fleet's watermark move event time on, and it fires at the deadline
/// itself, so when the check runs does not change the order.
struct MissingCheck: Sendable {
    let metric: String
    let after: TimeInterval

    func deadline(lastSeen: Date?, commissioned: Date) -> Date {
        (lastSeen ?? commissioned).addingTimeInterval(after)
    }

    func values(lastSeen: Date?) -> String {
        "no \(metric) for \(ReasonFormat.duration(after))" + (lastSeen.map { " (last at \(ReasonFormat.time($0)))" } ?? " since commissioning")
    }
}
