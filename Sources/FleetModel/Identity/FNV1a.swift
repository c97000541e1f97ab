/// FNV-1a, 64 bits: a hash that is the same in every run, process and platform (Swift's
/// `Hasher` is seeded per process), so a device's partition never moves between restarts
/// or between a daemon and a simulation shard. Inlinable: the device tables hash a key with it
/// for every message.
public struct FNV1a: Sendable {
    @usableFromInline var state: UInt64 = 0xCBF2_9CE4_8422_2325
    @usableFromInline static var prime: UInt64 { 0x0000_0100_0000_01B3 }

    @inlinable public init() {}

    public var value: UInt64 { state }

    @inlinable public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            state = (state ^ UInt64(byte)) &* Self.prime
        }
    }
}
