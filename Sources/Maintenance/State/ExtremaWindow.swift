/// The shape of a rate-of-change rule's bounded memory: the window's extremes per slice, so "a
/// drop of 0.5 bar within 24 h" is checked against a fixed number of slices, not every sample.
/// One per rule of a kind, in its check; each device keeps only the slices (`RuleMemory.rate`).
struct ExtremaWindow: Sendable, Hashable {
    let sliceLength: Double
    let window: Double

    /// `slices` of the window, at most 254: a window overlaps one more, and a byte counts them.
    init(window: Double, slices: Int) {
        self.window = window
        sliceLength = max(window / Double(min(max(slices, 1), Int(UInt8.max) - 1)), 1)
    }

    /// Extremes of the slices that overlap the window ending at `time` (so the window is widened
    /// by at most one slice); nil when there is nothing yet.
    func extremes(of buckets: some Collection<ExtremaBucket>, at time: Double) -> (low: Double, high: Double)? {
        let recent = buckets.lazy.filter { $0.start + sliceLength > time - window }
        guard let first = recent.first else { return nil }
        return recent.dropFirst().reduce((first.low, first.high)) { (min($0.0, $1.low), max($0.1, $1.high)) }
    }

    /// Adds a sample to the extremes of a device's rate rule `r` (its place among the rate rules).
    func add(_ value: Double, at time: Double, rule r: Int, to slots: inout DeviceSlots) {
        let start = (time / sliceLength).rounded(.down) * sliceLength
        // Slices are in time order: those that left the window are its first, and go before a new
        // slice comes (the sample's own slice never leaves).
        let gone = slots.extrema(ofRule: r).prefix { $0.start + sliceLength <= time - window }.count
        if gone > 0 { slots.replaceExtrema(0 ..< gone, ofRule: r, with: EmptyCollection()) }
        let count = slots.extrema(ofRule: r).count
        if let newest = slots.extrema(ofRule: r).last, newest.start == start {
            let widened = ExtremaBucket(start: start, low: min(newest.low, value), high: max(newest.high, value))
            slots.replaceExtrema(count - 1 ..< count, ofRule: r, with: CollectionOfOne(widened))
        } else {
            slots.replaceExtrema(count ..< count, ofRule: r, with: CollectionOfOne(ExtremaBucket(start: start, low: value, high: value)))
        }
    }
}
