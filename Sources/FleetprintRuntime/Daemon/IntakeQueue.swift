import Dispatch
import Foundation
import Synchronization

/// The bounded hand-over from the MQTT network thread(s) to the pipeline thread.
///
/// Bounded because a backlog of millions must drain in constant memory: when it is full, `push`
/// blocks the network thread, which stops reading its socket, so TCP pushes back on the broker
/// and the messages wait there, unacknowledged. The consumer takes everything queued at once.
/// While messages flow, the consumer polls every quarter millisecond, so it takes them in batches
/// instead of being woken (a futex round trip on both threads) for each one; only after a few
/// empty polls does it sleep on a semaphore, so an idle daemon costs no CPU.
final class IntakeQueue<Element: Sendable>: Sendable {
    private struct Contents {
        var items: [Element] = []
        var closed = false
        var consumerWaiting = false
        var producersWaiting = 0
        var fullWaits = 0
    }

    let capacity: Int
    private let contents = Mutex(Contents())
    private let itemsArrived = DispatchSemaphore(value: 0)
    private let spaceFreed = DispatchSemaphore(value: 0)

    private static var pollsBeforeSleep: Int { 20 }
    private static var pollMicroseconds: UInt32 { 250 }

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Queues `item`, waiting while the queue is full. False once the queue is closed: the item
    /// was not taken (the daemon's journal still has it for the next start).
    func push(_ item: Element) -> Bool {
        var waited = false
        while true {
            let firstWait = !waited
            let (accepted, wakeConsumer) = contents.withLock { contents -> (Bool?, Bool) in
                if contents.closed { return (false, false) }
                guard contents.items.count < capacity else {
                    contents.producersWaiting += 1
                    if firstWait { contents.fullWaits += 1 }
                    return (nil, false)
                }
                contents.items.append(item)
                defer { contents.consumerWaiting = false }
                return (true, contents.consumerWaiting)
            }
            if wakeConsumer { itemsArrived.signal() }
            if let accepted { return accepted }
            waited = true
            // A bounded wait, so even a missed signal costs a pause, never a hang.
            _ = spaceFreed.wait(timeout: .now() + .milliseconds(50))
        }
    }

    /// Pushes that found the queue full and waited for room, each counted once: how often flow
    /// control held the network thread back (the metrics' `fleetprint_intake_full_waits_total`).
    var fullWaits: Int { contents.withLock { $0.fullWaits } }

    /// Everything queued, waiting up to `timeout` for the first item: empty when nothing came in
    /// time (so the consumer can do its chores), nil once closed and drained.
    func take(waitingAtMost timeout: Duration) -> [Element]? {
        for _ in 0..<Self.pollsBeforeSleep {
            if case .ready(let items) = poll(markWaiting: false) { return items }
            usleep(Self.pollMicroseconds)
        }
        if case .ready(let items) = poll(markWaiting: true) { return items }
        let nanoseconds = Int(timeout.components.seconds) * 1_000_000_000 + Int(timeout.components.attoseconds / 1_000_000_000)
        _ = itemsArrived.wait(timeout: .now() + .nanoseconds(nanoseconds))
        switch poll(markWaiting: false) {
        case .ready(let items): return items
        case .empty: return []
        }
    }

    /// No more items are taken; the consumer gets what is queued, then nil. Waiting producers return false.
    func close() {
        let producers = contents.withLock { contents in
            contents.closed = true
            defer { contents.producersWaiting = 0 }
            return contents.producersWaiting
        }
        for _ in 0..<producers { spaceFreed.signal() }
        itemsArrived.signal()
    }

    /// `.ready(nil)` once closed and drained.
    private enum Poll { case ready([Element]?), empty }

    private func poll(markWaiting: Bool) -> Poll {
        let (items, closed, producers) = contents.withLock { contents in
            var items: [Element] = []
            swap(&items, &contents.items)
            contents.consumerWaiting = items.isEmpty && !contents.closed && markWaiting
            defer { contents.producersWaiting = 0 }
            return (items, contents.closed, contents.producersWaiting)
        }
        for _ in 0..<producers { spaceFreed.signal() }
        if !items.isEmpty { return .ready(items) }
        return closed ? .ready(nil) : .empty
    }
}
