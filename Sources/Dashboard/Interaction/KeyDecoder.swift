/// Turns what one `read` of a raw-mode terminal returned into keys. A lone ESC at the end of a
/// read is the Escape key; ESC followed by `[` or `O` starts an arrow or Shift-Tab sequence.
public enum KeyDecoder {
    public static func keys(in bytes: [UInt8]) -> [Key] {
        var keys: [Key] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x1B:
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "[") || bytes[index] == UInt8(ascii: "O") else {
                    keys.append(.escape)
                    continue
                }
                var end = index + 1
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                guard end < bytes.count else { return keys }
                if let key = sequence[bytes[end]] { keys.append(key) }
                index = end + 1
            case 0x09: keys.append(.tab)
            case 0x0D, 0x0A: keys.append(.enter)
            case 0x7F, 0x08: keys.append(.backspace)
            case 0x03, 0x04: keys.append(.interrupt)
            case 0x20...0x7E: keys.append(.character(Character(UnicodeScalar(byte))))
            default: continue
            }
        }
        return keys
    }

    /// Final byte of a CSI or SS3 sequence.
    private static let sequence: [UInt8: Key] = [
        UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right, UInt8(ascii: "D"): .left, UInt8(ascii: "Z"): .backTab,
    ]
}
