/// A binary min-heap of scheduled events in (time, sequence) order: the fleet's virtual clock.
struct EventQueue: Sendable {
    private var heap: [ScheduledEvent] = []
    private var sequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    var count: Int { heap.count }

    mutating func schedule(_ action: ScheduledAction, at time: Int64, device: Int, generation: Int) {
        sequence += 1
        heap.append(ScheduledEvent(time: time, sequence: sequence, device: Int32(device), generation: Int32(generation), action: action))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    var first: ScheduledEvent? { heap.first }

    mutating func pop() -> ScheduledEvent? {
        guard !heap.isEmpty else { return nil }
        let top = heap[0]
        let last = heap.removeLast()
        guard !heap.isEmpty else { return top }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            let right = left + 1
            let child = right < heap.count && heap[right].precedes(heap[left]) ? right : left
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            parent = child
        }
        return top
    }
}
