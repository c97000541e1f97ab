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
        let (gone, held, newest) = departures(from: slots.extrema(ofRule: r), at: time)
        if gone > 0 { slots.replaceExtrema(0 ..< gone, ofRule: r, with: EmptyCollection()) }
        if newest == start {
            // Most samples land in the newest slice: it is widened in place.
            slots.widenNewestExtremum(ofRule: r, with: value)
        } else {
            slots.replaceExtrema(held - gone ..< held - gone, ofRule: r, with: CollectionOfOne(ExtremaBucket(start: start, low: value, high: value)))
        }
    }

    /// How many of `buckets` left the window ending at `time`, how many there are, and where the
    /// newest starts. Slices are in time order: those that left are the first (the sample's own
    /// slice never leaves), and they go before a new slice comes.
    private func departures(from buckets: DeviceSlotRegion<ExtremaBucket>, at time: Double) -> (gone: Int, held: Int, newest: Double?) {
        (buckets.prefix { $0.start + sliceLength <= time - window }.count, buckets.count, buckets.last?.start)
    }
}
