import Logging

/// `--log-level` and `--log-format` of a long-running command.
public struct LogSettings: Sendable, Equatable {
    /// The least severe level written.
    public var level: Logger.Level
    public var format: LogFormat

    public init(level: Logger.Level = .info, format: LogFormat = .text) {
        self.level = level
        self.format = format
    }
}
