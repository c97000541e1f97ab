/// An entry of the event queue. At the same second jobs come after the fleet's own events, and
/// `sequence` (insertion order) breaks the remaining ties, so the run never depends on the heap's
/// internals nor on how late the daemon's orders arrive; `generation` lets events of a replaced unit lapse.
struct ScheduledEvent: Sendable {
    let time: Int64
    let sequence: UInt64
    let device: Int32
    let generation: Int32
    let action: ScheduledAction

    var isJob: Bool {
        if case .job = action { true } else { false }
    }

    func precedes(_ other: ScheduledEvent) -> Bool {
        if time != other.time { return time < other.time }
        if isJob != other.isJob { return other.isJob }
        return sequence < other.sequence
    }
}
