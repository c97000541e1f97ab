/// A string token as a byte range of the payload; unescaped only when it has escapes, so
/// comparing a key with a field name costs a memcmp and no allocation.
struct JSONString {
    let start: Int
    let end: Int
    let hasEscapes: Bool

    /// The string's bytes with escapes resolved (`\u` escapes to UTF-8, lone surrogates to U+FFFD).
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
                let scalar = (0..<4).reduce(UInt32(0)) { $0 << 4 | UInt32(JSONScanner.hexValue(payload[i + $1]) ?? 0) }
                i += 4
                out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default: out.append(escape)
            }
        }
        return out
    }

    func equals(_ name: [UInt8], in payload: UnsafeRawBufferPointer) -> Bool {
        hasEscapes ? bytes(in: payload) == name : name.elementsEqual(payload[start..<end])
    }

    func text(in payload: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes(in: payload), as: UTF8.self)
    }
}
