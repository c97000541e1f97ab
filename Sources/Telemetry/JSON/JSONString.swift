/// A string token as a byte range of the payload; unescaped only when it has escapes, so
/// comparing a key with a field name costs a memcmp and no allocation.
struct JSONString {
    let start: Int
    let end: Int
    let hasEscapes: Bool

    /// The string's bytes with escapes resolved (`\u` escapes and surrogate pairs to UTF-8, lone
    /// surrogates to U+FFFD).
    func bytes(in payload: UnsafeRawBufferPointer) -> [UInt8] {
        let raw = payload[start..<end]
        guard hasEscapes else { return Array(raw) }
        var out: [UInt8] = []
        var i = start
        while i < end {
            let byte = payload[i]
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = payload[i + 1]
            i += 2
            switch escape {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                var scalar = hex4(in: payload, at: i)
                i += 4
                // A UTF-16 surrogate pair, written as two escapes, is one scalar.
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= end, payload[i] == UInt8(ascii: "\\"), payload[i + 1] == UInt8(ascii: "u") {
                    let low = hex4(in: payload, at: i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default: out.append(escape)
            }
        }
        return out
    }

    /// Four hex digits the scanner has already checked.
    private func hex4(in payload: UnsafeRawBufferPointer, at index: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 4 | UInt32(JSONScanner.hexValue(payload[index + $1]) ?? 0) }
    }

    func equals(_ name: [UInt8], in payload: UnsafeRawBufferPointer) -> Bool {
        hasEscapes ? bytes(in: payload) == name : name.elementsEqual(payload[start..<end])
    }

    func text(in payload: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes(in: payload), as: UTF8.self)
    }
}
