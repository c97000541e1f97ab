import Foundation
import Synchronization

/// A one-way queue between two threads that both have work most of the time: the producer
/// appends, the consumer takes everything queued at once. A waiting consumer spins (yielding)
/// before it sleeps, because in the closed loop each side waits on the other every few dozen
/// messages and a sleep's wake-up would cost more than the work between.
final class Handoff<Element: Sendable>: Sendable {
    private let queue = Mutex<(items: [Element], closed: Bool)>(([], false))
    /// Items queued, read without the lock so an empty poll costs one load.
    private let queued = Atomic<Int>(0)
    private static var spinsBeforeSleep: Int { 4000 }

    /// Queues `items`; when the consumer has taken everything before, the array itself is
    /// handed over, without copying its elements.
    func push(_ items: [Element]) {
        guard !items.isEmpty else { return }
        queue.withLock { queue in
            if queue.items.isEmpty { queue.items = items } else { queue.items += items }
        }
        queued.add(items.count, ordering: .releasing)
    }

    /// Whether the consumer has taken everything pushed so far (it may be waiting for more).
    var isDrained: Bool { queued.load(ordering: .relaxed) == 0 }

    /// No more items will come; a waiting consumer gets what is left, then nil.
    func close() {
        queue.withLock { $0.closed = true }
    }

    /// Everything queued now, possibly nothing; never waits.
    func takeAll() -> [Element] {
        guard queued.load(ordering: .acquiring) > 0 else { return [] }
        return take().items
    }

    /// Waits until something is queued and takes it all; nil once closed and drained.
    func next() -> [Element]? {
        var spins = 0
        while true {
            let (items, closed) = take()
            if !items.isEmpty || closed { return items.isEmpty ? nil : items }
            spins += 1
            if spins < Self.spinsBeforeSleep { sched_yield() } else { usleep(50) }
        }
    }

    private func take() -> (items: [Element], closed: Bool) {
        let (items, closed) = queue.withLock { queue in
            defer { queue.items = [] }
            return (queue.items, queue.closed)
        }
        queued.subtract(items.count, ordering: .relaxed)
        return (items, closed)
    }
}
