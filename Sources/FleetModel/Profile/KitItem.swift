/// So many pieces of one part in a maintenance kit.
public struct KitItem: Sendable, Hashable {
    public var part: String
    public var count: Int

    public init(part: String, count: Int) {
        self.part = part
        self.count = count
    }
}
