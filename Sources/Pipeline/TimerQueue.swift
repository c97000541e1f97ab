import Foundation

/// Which devices have a timer due, by event time: a binary min-heap of (deadline, device) with
/// lazy removal, so advancing event time costs O(log n) per due device instead of a sweep over
/// the whole fleet. A device's current deadline is the one in `deadlines`; older heap entries
/// for it are skipped when they surface, and when they outnumber the current ones the heap is
/// rebuilt from the current deadlines (every reading moves a device's deadline, so without that
/// a fleet's heap held several dead entries per device). Devices go by their place in the
/// fleet's `DeviceTable`, so the heap moves plain numbers and neither a message nor a step of
/// event time hashes a key here.
struct TimerQueue: Sendable {
    private var heap: [(deadline: Date, id: Int)] = []
    private var deadlines: [Date?] = []
    /// How many devices have a deadline now.
    private var scheduled = 0

    /// Sets (or clears, with nil) the deadline of device `id`.
    mutating func schedule(_ id: Int, at deadline: Date?) {
        if id >= deadlines.count { deadlines.append(contentsOf: repeatElement(nil, count: id - deadlines.count + 1)) }
        guard deadlines[id] != deadline else { return }
        scheduled += (deadline == nil ? 0 : 1) - (deadlines[id] == nil ? 0 : 1)
        deadlines[id] = deadline
        guard let deadline else { return }
        heap.append((deadline, id))
        siftUp(heap.count - 1)
        if heap.count > 2 * scheduled + 1_024 { rebuild() }
    }

    /// The heap of the current deadlines only: a sorted array is a valid min-heap.
    private mutating func rebuild() {
        heap = deadlines.indices.compactMap { id in deadlines[id].map { ($0, id) } }.sorted { $0.deadline < $1.deadline }
    }

    /// The current deadline of device `id`, if it has one.
    func deadline(of id: Int) -> Date? {
        id < deadlines.count ? deadlines[id] : nil
    }

    /// The devices whose deadline is before `time`, with it, and forgets their deadlines. Each
    /// comes out once: only the entry matching its current deadline counts, and that deadline is
    /// forgotten when it does.
    mutating func popDue(before time: Date) -> [(id: Int, deadline: Date)] {
        var due: [(id: Int, deadline: Date)] = []
        while let top = heap.first, top.deadline < time {
            removeTop()
            if deadlines[top.id] == top.deadline {
                deadlines[top.id] = nil
                scheduled -= 1
                due.append((top.id, top.deadline))
            }
        }
        return due
    }

    private mutating func removeTop() {
        heap.swapAt(0, heap.count - 1)
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < heap.count, heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count, heap[right].deadline < heap[smallest].deadline { smallest = right }
            guard smallest != parent else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }

    private mutating func siftUp(_ index: Int) {
        var child = index
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].deadline < heap[parent].deadline else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }
}
