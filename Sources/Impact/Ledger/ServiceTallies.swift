/// A device's service counts by what they count (kits, parts, visits, collections, renovations)
/// and the name counted (a kit, a part, a trip): one small array, sorted, where five dictionaries
/// took 40 bytes of every device's ledger and an allocation each once used. Most devices have
/// none, and the rest a few, so a search through them costs less than hashing.
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
    }

    /// Replaces `group`'s counts with `counts` (a decoded ledger).
    mutating func set(_ counts: [String: Int], in group: Group) {
        entries.removeAll { $0.group == group }
        for (name, count) in counts { add(count, to: name, in: group) }
    }
}
