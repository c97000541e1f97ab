/// An entry of the event queue. `sequence` breaks ties in time by insertion order, so the run
/// never depends on the heap's internals; `generation` lets events of a replaced unit lapse.
struct ScheduledEvent: Sendable {
    let time: Int64
    let sequence: UInt64
    let device: Int32
    let generation: Int32
    let action: ScheduledAction

    func precedes(_ other: ScheduledEvent) -> Bool {
        time != other.time ? time < other.time : sequence < other.sequence
    }
}
