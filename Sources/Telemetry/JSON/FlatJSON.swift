/// The telemetry scanner, offered to readers of other flat JSON lines (recorded stream files),
/// so the project has one JSON tokenizer with one set of escape and number rules.
public enum FlatJSON {
    /// A member's value as such readers need it: numbers, unescaped string bytes, booleans, or anything else.
    public enum Member: Sendable, Equatable {
        case number(Double)
        case string([UInt8])
        case bool(Bool)
        case other
    }

    /// Calls `body` with each member of the one flat object in `bytes`, in order; throws on
    /// anything that is not exactly one JSON object.
    public static func forEachMember(in bytes: UnsafeRawBufferPointer, _ body: (String, Member) -> Void) throws(DecodeFailure) {
        var scanner = JSONScanner(bytes)
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            let member: Member = switch try scanner.value() {
            case .number(let number): .number(number)
            case .string(let string): .string(string.bytes(in: bytes))
            case .bool(let value): .bool(value)
            default: .other
            }
            body(key.text(in: bytes), member)
        }
        try scanner.end()
    }
}
