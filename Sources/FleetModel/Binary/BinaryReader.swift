/// Reads what `BinaryWriter` wrote, in the same order; throws at the first byte that does not fit
/// (a truncated or foreign record), never reads past the end.
public struct BinaryReader: Sendable {
    private let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func byte() throws(BinaryRecordError) -> UInt8 {
        guard offset < bytes.count else { throw BinaryRecordError("the record ends at byte \(offset), in the middle of a value") }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func varint() throws(BinaryRecordError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw BinaryRecordError("a number at byte \(offset) is longer than 64 bits") }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    /// A count of following items, checked against the bytes left so a corrupt length cannot ask
    /// for gigabytes.
    public mutating func count() throws(BinaryRecordError) -> Int {
        let value = try varint()
        guard value <= UInt64(bytes.count - offset) else { throw BinaryRecordError("a count of \(value) at byte \(offset) exceeds the record") }
        return Int(value)
    }

    /// What `write(tally:)` wrote.
    public mutating func tally() throws(BinaryRecordError) -> Int { Int(clamping: try varint()) }

    public mutating func double() throws(BinaryRecordError) -> Double { Double(bitPattern: try fixed(UInt64.self)) }

    public mutating func float() throws(BinaryRecordError) -> Float { Float(bitPattern: try fixed(UInt32.self)) }

    public mutating func uint32() throws(BinaryRecordError) -> UInt32 { try fixed(UInt32.self) }

    /// What `write(_: Double?)` wrote: nil for NaN.
    public mutating func optionalDouble() throws(BinaryRecordError) -> Double? {
        let value = try double()
        return value.isNaN ? nil : value
    }

    public mutating func string() throws(BinaryRecordError) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset ..< offset + length], as: UTF8.self)
    }

    private mutating func fixed<Fixed: FixedWidthInteger>(_: Fixed.Type) throws(BinaryRecordError) -> Fixed {
        let size = MemoryLayout<Fixed>.size
        guard bytes.count - offset >= size else { throw BinaryRecordError("the record ends at byte \(offset), in the middle of a number") }
        var value: Fixed = 0
        for index in 0 ..< size { value |= Fixed(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }
}
