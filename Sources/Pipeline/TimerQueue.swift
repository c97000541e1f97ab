import Foundation
import HeapModule

/// Which devices have a timer due, by event time: a min-heap of (deadline, device) with lazy
/// removal, so advancing event time costs O(log n) per due device instead of a sweep over the
/// whole fleet. A device's current deadline is the one in `deadlines`; older heap entries for it
/// are skipped when they surface, and when they outnumber the current ones the heap is rebuilt
/// from the current deadlines (every reading moves a device's deadline, so without that a fleet's
/// heap held several dead entries per device). Devices go by their place in the fleet's
/// `DeviceTable`, so neither a message nor a step of event time hashes a key here.
///
/// Eight bytes per heap entry (the deadline's whole second and the device's place in one number)
/// and per deadline (NaN for none), where a tuple and an optional date took sixteen each: the
/// queue holds up to a few entries per device of the fleet.
struct TimerQueue: Sendable {
    private var heap = Heap<UInt64>()
    private var deadlines: [Double] = []
    /// How many devices have a deadline now.
    private var scheduled = 0

    /// Sets (or clears, with nil) the deadline of device `id`.
    mutating func schedule(_ id: Int, at deadline: Date?) {
        if id >= deadlines.count { deadlines.append(contentsOf: repeatElement(.nan, count: id - deadlines.count + 1)) }
        let (old, new) = (deadlines[id], deadline?.timeIntervalSince1970 ?? .nan)
        guard old != new, !(old.isNaN && new.isNaN) else { return }
        scheduled += (new.isNaN ? 0 : 1) - (old.isNaN ? 0 : 1)
        deadlines[id] = new
        guard !new.isNaN else { return }
        heap.insert(Self.entry(new, id))
        if heap.count > 2 * scheduled + 1_024 { rebuild() }
    }

    /// The heap of the current deadlines only.
    private mutating func rebuild() {
        heap = Heap(deadlines.enumerated().compactMap { id, deadline in deadline.isNaN ? nil : Self.entry(deadline, id) })
    }

    /// The current deadline of device `id`, if it has one.
    func deadline(of id: Int) -> Date? {
        guard id < deadlines.count, !deadlines[id].isNaN else { return nil }
        return Date(timeIntervalSince1970: deadlines[id])
    }

    /// The devices whose deadline is before `time`, with it, and forgets their deadlines. Each
    /// comes out once: only an entry of its current deadline's second counts, and that deadline
    /// is forgotten when it does. One due later within `time`'s own second goes back.
    mutating func popDue(before time: Date) -> [(id: Int, deadline: Date)] {
        let limit = time.timeIntervalSince1970
        var due: [(id: Int, deadline: Date)] = []
        var later: [UInt64] = []
        while let top = heap.min, Double(top >> 32) < limit {
            heap.removeMin()
            let id = Int(top & 0xFFFF_FFFF)
            let deadline = deadlines[id]
            guard !deadline.isNaN, Self.second(deadline) == top >> 32 else { continue }
            if deadline < limit {
                deadlines[id] = .nan
                scheduled -= 1
                due.append((id, Date(timeIntervalSince1970: deadline)))
            } else {
                later.append(top)
            }
        }
        for entry in later { heap.insert(entry) }
        return due
    }

    /// A heap entry: the deadline's whole second (from 1970 to 2106) above the device's place.
    private static func entry(_ deadline: Double, _ id: Int) -> UInt64 {
        second(deadline) << 32 | UInt64(UInt32(truncatingIfNeeded: id))
    }

    private static func second(_ deadline: Double) -> UInt64 {
        UInt64(min(max(deadline.rounded(.down), 0), Double(UInt32.max)))
    }
}
