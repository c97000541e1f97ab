import Foundation

/// A broker process started from its configuration file, writing its output to a log file that
/// the error messages point at: shared by the local mosquitto and the tests' nats-server cluster.
public enum ServerProcess {
    /// Starts `executable -c configuration` with `environment` added to this process's.
    public static func launch(_ executable: String, configuration: URL, environment: [String: String] = [:], log: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-c", configuration.path]
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }
}
