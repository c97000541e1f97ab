import Simulation

/// Stamps of the messages sent to the pipeline whose feedback has not been applied yet, oldest
/// first: a FIFO that reuses its storage instead of shifting it on every removal.
struct InFlightStamps {
    private var stamps: [EventStamp] = []
    private var head = 0

    var isEmpty: Bool { head == stamps.count }
    var oldest: EventStamp? { isEmpty ? nil : stamps[head] }

    mutating func append(_ stamp: EventStamp) {
        stamps.append(stamp)
    }

    mutating func removeOldest(_ count: Int) {
        head = min(stamps.count, head + count)
        if head == stamps.count {
            stamps.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 4096, head * 2 > stamps.count {
            stamps.removeFirst(head)
            head = 0
        }
    }
}
