import Foundation

/// How often a metric reports, learned from the device itself: the gap before its latest reading
/// and the smaller of its last two gaps, in seconds, in single precision (NaN for none). A device
/// set to report daily is not silent after six hours; one outage does not widen it, two long gaps
/// in a row do. Eight bytes for both where two optional doubles took sixteen; seven digits (9 ms
/// in a day) are far finer than the silence a missing-data rule waits for, the only rule that
/// asks, so a device keeps them only for the metrics such a rule watches.
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

    /// A reading at `time`, the metric's previous one at `previous`.
    mutating func seen(at time: Date, after previous: Date?) {
        guard let previous else { return }
        let gap = time.timeIntervalSince(previous)
        usual = last.map { min($0, gap) }
        last = gap
    }

    private static func seconds(_ bits: UInt32) -> TimeInterval? {
        let value = Float(bitPattern: bits)
        return value.isNaN ? nil : TimeInterval(value)
    }

    private static func bits(_ seconds: TimeInterval?) -> UInt32 { Float(seconds ?? .nan).bitPattern }
}
