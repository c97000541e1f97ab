/// A binary record that does not read back: truncated, corrupt or of another format.
public struct BinaryRecordError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) { self.description = description }
}
