/// FNV-1a, 64 bits: a hash that is the same in every run, process and platform (Swift's
/// `Hasher` is seeded per process), so a device's partition never moves between restarts
/// or between a daemon and a simulation shard.
public struct FNV1a: Sendable {
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value = (value ^ UInt64(byte)) &* Self.prime
        }
    }
}
