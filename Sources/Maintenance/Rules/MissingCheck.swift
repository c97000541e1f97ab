import FleetModel
import Foundation

/// Fires when a metric has been silent for `after` in event time. It is a timer: checked when the
/// device's own readings or the fleet's watermark move event time on, and it fires at the deadline
/// itself, so when the check runs does not change the order. Silent means longer than `after`
/// and than `silentReports` of the metric's usual gap, whichever is longer.
struct MissingCheck: Sendable {
    let metric: String
    let after: TimeInterval
    let silentReports: Double

    func window(_ gaps: ReportingGaps) -> TimeInterval {
        max(after, silentReports * (gaps.usual ?? 0))
    }

    func deadline(_ metric: MetricState, _ gaps: ReportingGaps, commissioned: Date) -> Date {
        (metric.lastSeen ?? commissioned).addingTimeInterval(window(gaps))
    }

    /// The reason of a firing at the deadline, as the values its text is made from.
    func reason(_ metric: MetricState, _ gaps: ReportingGaps) -> OrderReason {
        .silent(window: window(gaps), lastSeen: OptionalNumber(metric.lastSeen))
    }

    static func values(metric: String, window: TimeInterval, lastSeen: Date?) -> String {
        "no \(metric) for \(ReasonFormat.duration(window))" + (lastSeen.map { " (last at \(ReasonFormat.time($0)))" } ?? " since commissioning")
    }
}
