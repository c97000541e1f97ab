/// How a payload writes its event time.
public enum TimestampFormat: String, Sendable, Hashable, CaseIterable {
    case iso8601
    case unixSeconds = "unix-s"
    case unixMilliseconds = "unix-ms"
}
