/// A parameter path or range that cannot be applied, with what was expected.
public struct ParameterError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
