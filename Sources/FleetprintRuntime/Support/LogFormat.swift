/// How a long-running command writes its log lines (`--log-format`): text for people and
/// journald, or one JSON object per line for a log shipper.
public enum LogFormat: String, CaseIterable, Sendable {
    case text
    case json
}
