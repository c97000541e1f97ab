/// A simulation that cannot start: an unknown kind, a malformed option.
public struct SimulationError: Error, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
