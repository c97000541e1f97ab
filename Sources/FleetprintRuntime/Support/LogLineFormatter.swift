import Foundation
import Logging

/// One log event as one line, without the newline: text such as
/// `2026-11-27T08:00:00.000Z info fleetprint.run: subscribed broker=mqtt://127.0.0.1:1883`, or a
/// JSON object with `time`, `level`, `label`, `message` and `metadata`. Pure, so what a line holds
/// is tested without a process or a journal.
struct LogLineFormatter: Sendable {
    var format: LogFormat
    /// The text goes to journald, which stamps every line itself: no time of our own, and the
    /// sd-daemon(3) `<N>` syslog priority first, which journald takes as the entry's priority, so
    /// `journalctl -p warning` and its colours work.
    var journald: Bool

    func line(time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata) -> String {
        switch format {
        case .json:
            let object: [String: Any] = ["time": Self.timestamp(time), "level": level.rawValue, "label": label, "message": message,
                                         "metadata": metadata.mapValues(Self.jsonValue)]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        case .text:
            let fields = metadata.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
            let start = journald ? "<\(Self.syslogPriority(level))>" : Self.timestamp(time) + " "
            // One event, one line: journald would make a line break two entries, the second without a priority.
            return (start + "\(level.rawValue) \(label): \(message)\(fields)").replacingOccurrences(of: "\n", with: "\\n")
        }
    }

    /// syslog(3)'s priorities, which journald and sd-daemon(3) use: 2 critical ... 7 debug.
    static func syslogPriority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    private static func timestamp(_ time: Date) -> String {
        time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    private static func jsonValue(_ value: Logger.MetadataValue) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(jsonValue)
        case .dictionary(let values): values.mapValues(jsonValue)
        }
    }
}
