import Foundation
import Logging
import Synchronization

/// Sends logs to stderr (stdout stays for data, as in `sub` and `replay`), once per process:
/// swift-log allows a single bootstrap, so the first settings given stay.
enum LogSetup {
    private static let bootstrapped = Mutex(false)

    static func toStandardError(_ settings: LogSettings, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let first = bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let formatter = LogLineFormatter(format: settings.format, journald: standardErrorIsJournal(environment))
        LoggingSystem.bootstrap { label in LineLogHandler(label: label, formatter: formatter, logLevel: settings.level) }
    }

    /// Whether stderr is the journal's stream: systemd sets `$JOURNAL_STREAM` to its
    /// `device:inode`, which a redirected stderr no longer matches (systemd.exec(5)).
    private static func standardErrorIsJournal(_ environment: [String: String]) -> Bool {
        guard let stream = environment["JOURNAL_STREAM"] else { return false }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return stream == "\(status.st_dev):\(status.st_ino)"
    }
}
