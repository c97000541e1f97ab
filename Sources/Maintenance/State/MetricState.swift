import Foundation

/// The latest of one metric on one device, and its trend slices when a rule needs a prognosis.
/// A device holds one per metric of its kind, in the profile's order (the engine knows the
/// names), so it stores plain numbers: times as seconds since 1970 and NaN for "none yet",
/// 40 bytes where optionals and a name took 112.
public struct MetricState: Sendable, Hashable {
    private var seenAt = Double.nan
    private var value = Double.nan
    private var gap = Double.nan
    private var usual = Double.nan
    /// The trend window's slices, oldest first; empty when the metric keeps no trend.
    var trend: [TrendBucket] = []

    init() {}

    public internal(set) var lastSeen: Date? {
        get { seenAt.isNaN ? nil : Date(timeIntervalSince1970: seenAt) }
        set { seenAt = newValue?.timeIntervalSince1970 ?? .nan }
    }

    public internal(set) var lastValue: Double? {
        get { value.isNaN ? nil : value }
        set { value = newValue ?? .nan }
    }

    /// The gap before `lastSeen`, and the smaller of the last two gaps: how often this metric
    /// usually reports, learned from the device itself. A device set to report daily is not
    /// silent after six hours; one outage does not widen it, two long gaps in a row do.
    var lastGap: TimeInterval? {
        get { gap.isNaN ? nil : gap }
        set { gap = newValue ?? .nan }
    }

    public internal(set) var usualGap: TimeInterval? {
        get { usual.isNaN ? nil : usual }
        set { usual = newValue ?? .nan }
    }

    /// Equal when every number has the same bits: NaN ("none yet") equals NaN here.
    public static func == (lhs: MetricState, rhs: MetricState) -> Bool {
        lhs.bits == rhs.bits && lhs.trend == rhs.trend
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(bits.0)
        hasher.combine(bits.1)
        hasher.combine(bits.2)
        hasher.combine(bits.3)
        hasher.combine(trend)
    }

    private var bits: (UInt64, UInt64, UInt64, UInt64) { (seenAt.bitPattern, value.bitPattern, gap.bitPattern, usual.bitPattern) }

    mutating func seen(at time: Date) {
        if let lastSeen {
            let gap = time.timeIntervalSince(lastSeen)
            usualGap = lastGap.map { min($0, gap) }
            lastGap = gap
        }
        lastSeen = time
    }
}
