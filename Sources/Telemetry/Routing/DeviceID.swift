/// What a device id may be: it becomes a key of the fleet's state, a topic level of work orders
/// and part of every record, so anyone who can publish telemetry must not be able to grow the
/// state with 30,000-character ids or smuggle `/`, `+` or `#` into an output topic.
public enum DeviceID {
    /// Letters, digits, `.`, `_`, `-` and `:` (MAC addresses, serial numbers, UUIDs).
    public static func isAllowed(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x3A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == 0x2E || byte == 0x5F || byte == 0x2D
    }

    /// Why `id` is not a usable device id, or nil when it is.
    public static func problem(_ id: String, maxBytes: Int) -> String? {
        let bytes = id.utf8.count
        if bytes == 0 { return "empty device id" }
        if bytes > maxBytes { return "device id of \(bytes) bytes, limit \(maxBytes)" }
        guard id.utf8.allSatisfy(isAllowed) else {
            return "device id '\(id)' has characters other than letters, digits, '.', '_', '-' and ':'"
        }
        return nil
    }
}
