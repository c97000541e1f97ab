import Dashboard
import Impact

/// Everything the dashboard's one loop reacts to, merged from its sources.
enum DashboardEvent: Sendable {
    case summary(DaemonSummary)
    case device(InstanceDevice)
    case key(Key)
    case resize
    case tick
    /// SIGINT, SIGTERM or SIGHUP, or the end of the summaries.
    case stop
}
