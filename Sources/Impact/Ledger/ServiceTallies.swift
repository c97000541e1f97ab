import Synchronization

/// A device's service counts by what they count (kits, parts, visits, collections, renovations)
/// and the name counted (a kit, a part, a trip): one small array, sorted, where five dictionaries
/// took 40 bytes of every device's ledger and an allocation each once used. Most devices have
/// none, and the rest a few, so a search through them costs less than hashing.
///
/// Devices serviced alike hold equal counts, so equal arrays are shared (`interned`): an array of
/// its own for every serviced device took 1.4 MB at 100,000 devices, and, living on between the
/// devices' growing states, left holes the allocator could not use (about 2.6 MB more).
public struct ServiceTallies: Sendable, Hashable {
    public enum Group: UInt8, Sendable, CaseIterable {
        case kits, parts, visits, collections, renovations
    }

    /// One count: 24 bytes. Kept in group order, then name order, so equal counts are equal arrays.
    struct Entry: Sendable, Hashable {
        let name: String
        var count: UInt32
        let group: Group
    }

    private(set) var entries: [Entry] = []

    public init() {}

    /// The counts of `group` by name.
    public subscript(group: Group) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: entries(of: group).map { ($0.name, Int($0.count)) })
    }

    /// The counts of `group`, in name order.
    func entries(of group: Group) -> ArraySlice<Entry> {
        let start = entries.firstIndex { $0.group.rawValue >= group.rawValue } ?? entries.endIndex
        let end = entries[start...].firstIndex { $0.group != group } ?? entries.endIndex
        return entries[start ..< end]
    }

    /// Adds `count` to `name` in `group` (a new name starts at 0); a count stops at its largest
    /// value, as the ledger's other counts do (`Tally`).
    public mutating func add(_ count: Int, to name: String, in group: Group) {
        let place = entries.firstIndex { ($0.group.rawValue, $0.name) >= (group.rawValue, name) } ?? entries.endIndex
        if place < entries.endIndex, entries[place].group == group, entries[place].name == name {
            entries[place].count = UInt32(clamping: Int(entries[place].count) + count)
        } else {
            entries.insert(Entry(name: name, count: UInt32(clamping: count), group: group), at: place)
        }
        entries = Self.shared(entries)
    }

    /// The most distinct arrays of counts kept for sharing: a fleet's devices are serviced in a
    /// few ways, and past this many the rest keep arrays of their own.
    static let sharingLimit = 4_096

    private static let interned = Mutex<Set<[Entry]>>([])

    /// The kept array equal to `entries`, which is kept when there is none yet and room is left.
    private static func shared(_ entries: [Entry]) -> [Entry] {
        interned.withLock { kept in
            if let equal = kept.firstIndex(of: entries) { return kept[equal] }
            if kept.count < sharingLimit { kept.insert(entries) }
            return entries
        }
    }

    /// Replaces `group`'s counts with `counts` (a decoded ledger).
    mutating func set(_ counts: [String: Int], in group: Group) {
        entries.removeAll { $0.group == group }
        for (name, count) in counts { add(count, to: name, in: group) }
    }
}
