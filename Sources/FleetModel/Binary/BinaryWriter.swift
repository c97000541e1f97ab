/// Appends values to a compact byte record: little-endian numbers, variable-length unsigned
/// integers, length-prefixed strings. Checkpoints write a device's state this way because
/// Foundation's JSON encoder cost about 200 µs per device and most of a checkpoint's time.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    public mutating func write(_ byte: UInt8) { bytes.append(byte) }

    /// LEB128: small counts take one byte.
    public mutating func write(varint value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// How many items follow (the reader checks it against the bytes left).
    public mutating func write(count: Int) { write(tally: count) }

    /// A tally (messages, visits): any size, negative ones as zero.
    public mutating func write(tally: Int) { write(varint: UInt64(max(tally, 0))) }

    public mutating func write(_ value: Double) { write(fixed: value.bitPattern) }

    public mutating func write(_ value: Float) { write(fixed: value.bitPattern) }

    public mutating func write(_ value: UInt32) { write(fixed: value) }

    /// An optional time or number, with NaN for nil (no reading is NaN: JSON has none).
    public mutating func write(_ value: Double?) { write(value ?? .nan) }

    public mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { utf8 in
            write(count: utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    private mutating func write<Fixed: FixedWidthInteger>(fixed value: Fixed) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
