import Foundation
import Logging

/// Writes each event to stderr as one line in one `write`, so lines from several threads never
/// interleave, formatted by `LogLineFormatter`.
struct LineLogHandler: LogHandler {
    let label: String
    let formatter: LogLineFormatter
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, formatter: LogLineFormatter, logLevel: Logger.Level) {
        self.label = label
        self.formatter = formatter
        self.logLevel = logLevel
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let given = event.metadata { merged.merge(given) { $1 } }
        let line = Array((formatter.line(time: Date(), level: event.level, label: label, message: "\(event.message)", metadata: merged) + "\n").utf8)
        _ = line.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }
}
