import Foundation

/// A password that never shows up in logs, errors or `print`: its description is redacted.
public struct Secret: Sendable, Equatable, CustomStringConvertible {
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    /// Reads the secret from an environment variable, so it stays out of the command line.
    public static func fromEnvironment(_ name: String) throws(MQTTError) -> Secret {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else {
            throw .secretUnavailable("environment variable \(name) is not set or empty")
        }
        return Secret(value)
    }

    /// Reads the secret from the first line of a file (a trailing newline is not part of it).
    public static func fromFile(_ path: String) throws(MQTTError) -> Secret {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            throw .secretUnavailable("cannot read password file \(path)")
        }
        // "\r\n" is one Character in Swift, and a newline like "\n".
        let value = String(text.prefix { !$0.isNewline })
        guard !value.isEmpty else { throw .secretUnavailable("password file \(path) is empty") }
        return Secret(value)
    }

    public var description: String { "<redacted>" }
}
