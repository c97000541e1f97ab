/// Where each key's value sits in a `DeviceTable`: an open-addressing table of four-byte places
/// (linear probing, at most three-quarters full) that compares a key with the table's own key
/// strings. A dictionary of keys to places held a second reference to every key, 16 bytes a
/// bucket beside the place: 27 to 53 bytes a device as it doubles, where this takes 5 to 11, in
/// both the fleet's state and its ledger.
@usableFromInline
struct DeviceKeyIndex: Sendable {
    /// A place, or -1 for an empty slot; a power of two of them.
    @usableFromInline var slots: [Int32] = []

    @usableFromInline init() {}

    /// The place of `key`, whose string is `keys[place]`.
    @inlinable func place(of key: String, in keys: [String]) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count &- 1
        var slot = key.hashValue & mask
        while true {
            let place = slots[slot]
            if place < 0 { return nil }
            if keys[Int(place)] == key { return Int(place) }
            slot = (slot &+ 1) & mask
        }
    }

    /// Files the last of `keys`, just added, under its place.
    @inlinable mutating func addLast(of keys: [String]) {
        if keys.count * 4 > slots.count * 3 {
            grow(keys: keys)
        } else {
            file(Int32(keys.count - 1), hash: keys[keys.count - 1].hashValue)
        }
    }

    /// Twice the slots, every key filed again.
    @usableFromInline mutating func grow(keys: [String]) {
        slots = Array(repeating: -1, count: max(16, slots.count * 2))
        for (place, key) in keys.enumerated() { file(Int32(place), hash: key.hashValue) }
    }

    @inlinable mutating func file(_ place: Int32, hash: Int) {
        let mask = slots.count &- 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
        slots[slot] = place
    }
}
