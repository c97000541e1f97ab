/// How many of one kit a policy uses over the device's life: the baseline boiler uses 8 small.
public struct KitCount: Sendable, Hashable {
    public var kit: String
    public var count: Int

    public init(kit: String, count: Int) {
        self.kit = kit
        self.count = count
    }
}
