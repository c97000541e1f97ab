/// The shape of a rate-of-change rule's bounded memory: the window's extremes per slice, so "a
/// drop of 0.5 bar within 24 h" is checked against a fixed number of slices, not every sample.
/// One per rule of a kind, in its check; each device keeps only the slices (`RuleMemory.rate`).
struct ExtremaWindow: Sendable, Hashable {
    let sliceLength: Double
    let window: Double
    /// The most slices a window overlaps: one more than fit in it, as it is widened by at most one.
    let bound: Int

    init(window: Double, slices: Int) {
        self.window = window
        sliceLength = max(window / Double(max(slices, 1)), 1)
        bound = max(slices, 1) + 1
    }

    /// Extremes of the slices that overlap the window ending at `time` (so the window is widened
    /// by at most one slice); nil when there is nothing yet.
    func extremes(of buckets: [ExtremaBucket], at time: Double) -> (low: Double, high: Double)? {
        let recent = buckets.filter { $0.start + sliceLength > time - window }
        guard let first = recent.first else { return nil }
        return recent.dropFirst().reduce((first.low, first.high)) { (min($0.0, $1.low), max($0.1, $1.high)) }
    }

    func add(_ value: Double, at time: Double, to buckets: inout [ExtremaBucket]) {
        let start = (time / sliceLength).rounded(.down) * sliceLength
        // Slices are in time order: most samples land in a window with nothing to drop. Those
        // that left go before a new slice comes (the sample's own slice never leaves).
        if let first = buckets.first, first.start + sliceLength <= time - window { buckets.removeAll { $0.start + sliceLength <= time - window } }
        if buckets.last?.start == start {
            buckets[buckets.count - 1].low = min(buckets[buckets.count - 1].low, value)
            buckets[buckets.count - 1].high = max(buckets[buckets.count - 1].high, value)
        } else {
            buckets.append(ExtremaBucket(start: start, low: value, high: value), boundedBy: bound)
        }
    }
}
