import Foundation

/// How often a metric reports, learned from the device: the gap before its latest reading and the
/// smaller of its last two gaps, in seconds, in single precision (NaN for none). Eight bytes for
/// both where two optional doubles took sixteen, in every metric of every device; seven digits
/// (9 ms in a day) are far finer than the silence a missing-data rule waits for.
struct ReportingGaps: Sendable, Hashable {
    private var lastBits = Float.nan.bitPattern
    private var usualBits = Float.nan.bitPattern

    var last: TimeInterval? {
        get { Self.seconds(lastBits) }
        set { lastBits = Self.bits(newValue) }
    }

    var usual: TimeInterval? {
        get { Self.seconds(usualBits) }
        set { usualBits = Self.bits(newValue) }
    }

    private static func seconds(_ bits: UInt32) -> TimeInterval? {
        let value = Float(bitPattern: bits)
        return value.isNaN ? nil : TimeInterval(value)
    }

    private static func bits(_ seconds: TimeInterval?) -> UInt32 { Float(seconds ?? .nan).bitPattern }
}
