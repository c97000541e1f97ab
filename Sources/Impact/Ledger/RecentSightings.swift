import Foundation

/// How many devices of a kind (not retired) were last seen in each second of the latest
/// `DaemonSummary.onlineWindow` the ledger has seen, and an hour more, in a ring of one count per
/// second: "online in the last day" is then a sum over a day's seconds, not a look through every
/// device. The hour lets the fleet's watermark trail the latest sighting (a message may be up to
/// `DecodeLimits.maxLead` ahead). Counts only, kept to the second, so counts kept as events
/// arrive equal counts made afresh. Two bytes a second (180 KB a kind, where four bytes took
/// 360): a second seen by more than 65,535 devices keeps the rest in `overflow`.
struct RecentSightings: Sendable, Hashable {
    static let span = Int64(DaemonSummary.onlineWindow) + 3_601
    /// The latest second counted; the ring holds the `span` seconds up to it.
    private(set) var newest = Int64.min
    private var counts: [UInt16] = []
    /// Devices beyond 65,535 in a second, by its place in the ring.
    private var overflow: [Int: Int] = [:]

    /// A device's last sighting moved from `old` to `new` (nil: not counted, as when retired).
    mutating func move(from old: Date?, to new: Date?) {
        if let old, let slot = slot(of: Self.second(old)) {
            if let extra = overflow[slot] { overflow[slot] = extra > 1 ? extra - 1 : nil } else { counts[slot] -= 1 }
        }
        guard let new else { return }
        let second = Self.second(new)
        if second > newest { advance(to: second) }
        if let slot = slot(of: second) {
            if counts[slot] < UInt16.max { counts[slot] += 1 } else { overflow[slot, default: 0] += 1 }
        }
    }

    /// Devices last seen at `time` or later, when the ring still holds that second; nil when it
    /// is older than the ring (the caller looks through the devices).
    func count(since time: Date) -> Int? {
        let first = Self.second(time.addingTimeInterval(0.999))
        guard newest == .min || first > newest - Self.span else { return nil }
        guard first <= newest else { return 0 }
        let extra = overflow.reduce(0) { $0 + (second(ofSlot: $1.key) >= first ? $1.value : 0) }
        return (first ... newest).reduce(extra) { $0 + Int(counts[Self.index($1)]) }
    }

    /// The second a place in the ring holds now.
    private func second(ofSlot slot: Int) -> Int64 {
        newest - (Int64(Self.index(newest) - slot) % Self.span + Self.span) % Self.span
    }

    private func slot(of second: Int64) -> Int? {
        guard newest != .min, second > newest - Self.span, second <= newest else { return nil }
        return Self.index(second)
    }

    /// Where a second's count is (times before 1970 included).
    private static func index(_ second: Int64) -> Int { Int((second % span + span) % span) }

    /// Moves the ring's end to `second`, forgetting the seconds that fall out of it.
    private mutating func advance(to second: Int64) {
        if counts.isEmpty { counts = Array(repeating: 0, count: Int(Self.span)) }
        let gone = newest == .min ? Self.span : min(second - newest, Self.span)
        let from = Self.index(newest == .min ? 0 : newest + 1)
        if !overflow.isEmpty { overflow = overflow.filter { slot, _ in (Int64(slot - from) % Self.span + Self.span) % Self.span >= gone } }
        // The seconds that fall out are one or two runs of the ring (it may wrap): cleared at once.
        counts.withUnsafeMutableBufferPointer { ring in
            let head = min(Int(gone), ring.count - from)
            UnsafeMutableBufferPointer(rebasing: ring[from ..< from + head]).update(repeating: 0)
            UnsafeMutableBufferPointer(rebasing: ring[0 ..< Int(gone) - head]).update(repeating: 0)
        }
        newest = second
    }

    private static func second(_ time: Date) -> Int64 { Int64(time.timeIntervalSince1970.rounded(.down)) }
}
