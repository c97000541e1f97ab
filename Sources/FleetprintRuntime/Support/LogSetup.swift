import Logging

/// Sends logs to stderr (stdout stays for data, as in `sub` and `replay`), once per process:
/// swift-log allows a single bootstrap.
enum LogSetup {
    private static let bootstrapped: Void = LoggingSystem.bootstrap(StreamLogHandler.standardError)

    static func toStandardError() {
        _ = bootstrapped
    }
}
