import Foundation
import HeapModule

/// Which devices have a timer due, by event time: a min-heap of (deadline, device) with lazy
/// removal, so advancing event time costs O(log n) per due device instead of a sweep over the
/// whole fleet. A device's current deadline is the one in `deadlines`; older heap entries for it
/// are skipped when they surface, and when they are more than half as many as the current ones
/// the heap is rebuilt from the current deadlines (every reading moves a device's deadline, so
/// without that a fleet's heap held several dead entries per device), with room for exactly as
/// many as it may then hold, so it never doubles its room. Devices go by their place in the fleet's
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
        if heap.count >= Self.limit(scheduled) {
            rebuild()
        } else {
            heap.insert(Self.entry(new, id))
        }
    }

    /// The most entries the heap holds for `scheduled` deadlines before it is rebuilt.
    private static func limit(_ scheduled: Int) -> Int { scheduled + scheduled / 2 + 1_024 }

    /// The heap of the current deadlines only, with room for the entries it may take before the
    /// next rebuild; the old heap goes first, so the two are never held at once.
    private mutating func rebuild() {
        heap = Heap()
        var entries: [UInt64] = []
        entries.reserveCapacity(Self.limit(scheduled))
        for (id, deadline) in deadlines.enumerated() where !deadline.isNaN { entries.append(Self.entry(deadline, id)) }
        heap = Heap(entries)
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
