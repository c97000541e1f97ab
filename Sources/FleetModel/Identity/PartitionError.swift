/// A partition that cannot be: not of the form K/N, or K not below N.
public struct PartitionError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
