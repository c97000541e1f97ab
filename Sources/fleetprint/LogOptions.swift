import ArgumentParser
import FleetprintRuntime
import Logging

extension Logger.Level: @retroactive ExpressibleByArgument {}
extension LogFormat: ExpressibleByArgument {}

/// How a long-running command logs on stderr.
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log-level"), help: ArgumentHelp("The least severe level logged.", valueName: "level"))
    var level: Logger.Level = .info

    @Option(name: .customLong("log-format"), help: ArgumentHelp("text: a line per event, without a time of its own under journald (which stamps each line) and with the syslog priority journalctl shows; json: an object per line with time, level, label, message and metadata.", valueName: "format"))
    var format: LogFormat = .text

    var settings: LogSettings { LogSettings(level: level, format: format) }
}
