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
        find(hash: Self.hash(key.utf8)) { keys[$0] == key }
    }

    /// The place of the key `kind/id`, without building it (a message's device is found so).
    @inlinable func place(kind: String, id: String, in keys: [String]) -> Int? {
        find(hash: Self.hash(kind.utf8, id.utf8)) { Self.key(keys[$0], is: kind, id) }
    }

    @inlinable func find(hash: Int, where matches: (Int) -> Bool) -> Int? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count &- 1
        var slot = hash & mask
        while true {
            let place = slots[slot]
            if place < 0 { return nil }
            if matches(Int(place)) { return Int(place) }
            slot = (slot &+ 1) & mask
        }
    }

    /// Files the last of `keys`, just added, under its place.
    @inlinable mutating func addLast(of keys: [String]) {
        if keys.count * 4 > slots.count * 3 {
            grow(keys: keys)
        } else {
            file(Int32(keys.count - 1), hash: Self.hash(keys[keys.count - 1].utf8))
        }
    }

    /// Twice the slots, every key filed again.
    @usableFromInline mutating func grow(keys: [String]) {
        slots = Array(repeating: -1, count: max(16, slots.count * 2))
        for (place, key) in keys.enumerated() { file(Int32(place), hash: Self.hash(key.utf8)) }
    }

    @inlinable mutating func file(_ place: Int32, hash: Int) {
        let mask = slots.count &- 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
        slots[slot] = place
    }

    /// FNV-1a over the key's bytes, its high half folded into the low bits the slots are chosen
    /// by: the same for a key and for its kind and id apart, so a message's device is found
    /// without building its key.
    @inlinable static func hash(_ key: String.UTF8View, _ id: String.UTF8View? = nil) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        if let id {
            hash = (hash ^ UInt64(UInt8(ascii: "/"))) &* 0x100_0000_01B3
            for byte in id { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        }
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }

    /// Whether `key` is `kind/id`.
    @inlinable static func key(_ key: String, is kind: String, _ id: String) -> Bool {
        var bytes = key.utf8.makeIterator()
        for byte in kind.utf8 { guard bytes.next() == byte else { return false } }
        guard bytes.next() == UInt8(ascii: "/") else { return false }
        for byte in id.utf8 { guard bytes.next() == byte else { return false } }
        return bytes.next() == nil
    }
}
