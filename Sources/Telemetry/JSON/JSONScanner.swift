import Foundation

/// A forward-only scanner for one flat JSON object (RFC 8259 syntax), purpose-built for the hot
/// path: it never builds a dictionary or a String for a field, and every byte access is bounds
/// checked, so arbitrary input ends in a token or a `DecodeFailure`, never a crash.
struct JSONScanner {
    let bytes: UnsafeRawBufferPointer
    private(set) var index = 0
    private var isFirstMember = true

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// Exact powers of ten: a mantissa of at most 15 digits scaled by one of them is correctly
    /// rounded (Clinger's fast path), so only unusual numbers need `strtod`.
    private static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { acc, _ in acc * 10 } }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    // MARK: Structure

    mutating func beginObject() throws(DecodeFailure) {
        try expect(UInt8(ascii: "{"), "expected a JSON object")
    }

    /// The next member's key, positioned at its value; nil after the closing brace.
    mutating func nextKey() throws(DecodeFailure) -> JSONString? {
        let byte = try peekSkippingSpace()
        if byte == UInt8(ascii: "}") {
            index += 1
            return nil
        }
        if !isFirstMember { try expect(UInt8(ascii: ","), "expected ',' or '}' after a value") }
        isFirstMember = false
        try expect(UInt8(ascii: "\""), "expected a quoted key")
        let key = try string()
        try expect(UInt8(ascii: ":"), "expected ':' after a key")
        return key
    }

    /// After the object: only whitespace may follow.
    mutating func end() throws(DecodeFailure) {
        skipSpace()
        guard index == bytes.count else { throw DecodeFailure(.malformed, "text after the object") }
    }

    mutating func value() throws(DecodeFailure) -> JSONValue {
        let byte = try peekSkippingSpace()
        switch byte {
        case UInt8(ascii: "\""):
            index += 1
            return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if byte == UInt8(ascii: "-"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "I") {
                index += 1
                try literal("Infinity")
                return .nonFinite
            }
            let number = try number()
            return number.isFinite ? .number(number) : .nonFinite
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "N"): try literal("NaN"); return .nonFinite
        case UInt8(ascii: "I"): try literal("Infinity"); return .nonFinite
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipNested()
            return .nested
        default:
            throw DecodeFailure(.malformed, "unexpected byte \(byte) at \(index)")
        }
    }

    // MARK: Tokens

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func peekSkippingSpace() throws(DecodeFailure) -> UInt8 {
        skipSpace()
        guard index < bytes.count else { throw DecodeFailure(.truncated, "input ends at byte \(index)") }
        return bytes[index]
    }

    private mutating func expect(_ byte: UInt8, _ message: String) throws(DecodeFailure) {
        guard try peekSkippingSpace() == byte else { throw DecodeFailure(.malformed, "\(message) at byte \(index)") }
        index += 1
    }

    private mutating func literal(_ word: StaticString) throws(DecodeFailure) {
        let count = word.utf8CodeUnitCount
        for offset in 0..<count {
            guard index + offset < bytes.count else { throw DecodeFailure(.truncated, "input ends inside \(word)") }
            guard bytes[index + offset] == word.utf8Start[offset] else { throw DecodeFailure(.malformed, "expected \(word) at byte \(index)") }
        }
        index += count
    }

    /// Called after the opening quote; leaves the index after the closing one.
    private mutating func string() throws(DecodeFailure) -> JSONString {
        let start = index
        var hasEscapes = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return JSONString(start: start, end: index - 1, hasEscapes: hasEscapes)
            case UInt8(ascii: "\\"):
                hasEscapes = true
                guard index + 1 < bytes.count else { throw DecodeFailure(.truncated, "input ends inside an escape") }
                switch bytes[index + 1] {
                case UInt8(ascii: "u"):
                    guard index + 5 < bytes.count else { throw DecodeFailure(.truncated, "input ends inside a \\u escape") }
                    for offset in 2...5 where Self.hexValue(bytes[index + offset]) == nil {
                        throw DecodeFailure(.malformed, "bad \\u escape at byte \(index)")
                    }
                    index += 6
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    index += 2
                default:
                    throw DecodeFailure(.malformed, "bad escape at byte \(index)")
                }
            case 0..<0x20:
                throw DecodeFailure(.malformed, "control character in a string at byte \(index)")
            default:
                index += 1
            }
        }
        throw DecodeFailure(.truncated, "input ends inside a string")
    }

    private func digit(at position: Int) -> UInt64? {
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        return byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? UInt64(byte - UInt8(ascii: "0")) : nil
    }

    /// JSON number grammar, checked strictly; the value from the fast path or `strtod`.
    private mutating func number() throws(DecodeFailure) -> Double {
        let start = index
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var decimalExponent = 0
        guard let first = digit(at: index) else { throw failure(at: start, "a digit") }
        if first == 0, digit(at: index + 1) != nil { throw DecodeFailure(.malformed, "leading zero at byte \(index)") }
        while let d = digit(at: index) {
            if significantDigits < 19 {
                mantissa = mantissa * 10 + d
                if mantissa != 0 { significantDigits += 1 }
            } else {
                decimalExponent += 1
            }
            index += 1
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digit(at: index) != nil else { throw failure(at: start, "a digit after '.'") }
            while let d = digit(at: index) {
                if significantDigits < 19 {
                    mantissa = mantissa * 10 + d
                    if mantissa != 0 { significantDigits += 1 }
                    decimalExponent -= 1
                }
                index += 1
            }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var exponentNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                exponentNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            guard digit(at: index) != nil else { throw failure(at: start, "a digit in the exponent") }
            var exponent = 0
            while let d = digit(at: index) {
                exponent = min(exponent * 10 + Int(d), 100_000)
                index += 1
            }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        if significantDigits <= 15, abs(decimalExponent) <= 22 {
            let scaled = decimalExponent < 0 ? Double(mantissa) / Self.powersOfTen[-decimalExponent]
                                             : Double(mantissa) * Self.powersOfTen[decimalExponent]
            return negative ? -scaled : scaled
        }
        return slowNumber(from: start)
    }

    private func failure(at start: Int, _ expected: String) -> DecodeFailure {
        DecodeFailure(index >= bytes.count ? .truncated : .malformed, "number at byte \(start): expected \(expected)")
    }

    /// Correctly rounded conversion for long mantissas and large exponents (rare in telemetry).
    private func slowNumber(from start: Int) -> Double {
        let length = index - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { buffer in
            for offset in 0..<length { buffer[offset] = CChar(bitPattern: bytes[start + offset]) }
            buffer[length] = 0
            return strtod(buffer.baseAddress!, nil)
        }
    }

    /// Skips a nested object or array (balanced brackets, strings honoured) without building it.
    private mutating func skipNested() throws(DecodeFailure) {
        var depth = 0
        repeat {
            guard index < bytes.count else { throw DecodeFailure(.truncated, "input ends inside a nested value") }
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                index += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                index += 1
            case UInt8(ascii: "\""):
                index += 1
                _ = try string()
            default:
                index += 1
            }
        } while depth > 0
    }
}
