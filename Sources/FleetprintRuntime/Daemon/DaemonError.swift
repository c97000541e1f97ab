/// Why the daemon stopped on its own, in words for the operator.
public struct DaemonError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
