/// How the dashboard shows itself: full screen on a terminal, else one line per interval.
public enum DashboardOutput: String, Sendable, CaseIterable {
    /// Full screen when standard input and output are a terminal, plain lines otherwise.
    case auto
    case plain
    case json
}
