/// Standard input as a sequence of lines, read lazily so a long pipe is not held in memory.
public struct StandardInputLines: Sequence, IteratorProtocol, Sendable {
    public init() {}

    public mutating func next() -> String? {
        readLine(strippingNewline: true)
    }
}
