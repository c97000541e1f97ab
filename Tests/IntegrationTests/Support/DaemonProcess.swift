import FleetprintTestSupport
import Foundation

/// `fleetprint run` as a separate process, so a test can `kill -9` it like a crash would.
final class DaemonProcess: Sendable {
    let instance: String
    let stateDirectory: URL
    let log: URL
    private let process = Process()

    /// The `fleetprint` executable built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("fleetprint")
    }

    /// `arguments` go after `run`'s own (a --journal folder, say); without `broker`, the
    /// configuration's brokers count (`--config` in `arguments`). `logToJournal`: the log file
    /// stands for journald's stream, named in `$JOURNAL_STREAM` by its device and inode as systemd does.
    init(instance: String, stateDirectory: URL, broker: String?, arguments: [String] = [], environment: [String: String] = [:],
         logToJournal: Bool = false) throws {
        self.instance = instance
        self.stateDirectory = stateDirectory
        try FileManager.default.createDirectory(at: stateDirectory, withIntermediateDirectories: true)
        log = stateDirectory.appendingPathComponent("daemon-\(UUID().uuidString.prefix(4)).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = Self.executable
        process.arguments = ["run"] + (broker.map { ["--broker", $0] } ?? []) + ["--state", stateDirectory.path, "--instance", instance] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["FLEETPRINT_HOME": BoilerStream.repository.path]) { $1 }
            .merging(environment) { $1 }
        if logToJournal {
            var status = stat()
            stat(log.path, &status)
            process.environment?["JOURNAL_STREAM"] = "\(status.st_dev):\(status.st_ino)"
        }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    var isRunning: Bool { process.isRunning }
    var pid: Int32 { process.processIdentifier }

    /// What it wrote to stderr and stdout so far.
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// The exit status once it has ended by itself, or nil if it still runs after `seconds`.
    func exitStatus(within seconds: Double) async throws -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(50)) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// A crash: no checkpoint, no goodbye.
    func kill9() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// A clean stop (SIGTERM): final checkpoint and summary; returns the exit status.
    func terminate() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill9() }
    }
}
