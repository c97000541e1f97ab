/// Where each device's value sits in a `DeviceTable`: an open-addressing table of four-byte
/// places (linear probing, at most three-quarters full) that compares a key with the table's
/// values themselves (`DeviceKeyed`). A dictionary of keys to places held a second reference to
/// every key, 16 bytes a bucket beside the place: 27 to 53 bytes a device as it doubles, where
/// this takes 5 to 11, in both the fleet's state and its ledger.
@usableFromInline
struct DeviceKeyIndex: Sendable {
    /// A place, or -1 for an empty slot; a power of two of them.
    @usableFromInline var slots: [Int32] = []

    @usableFromInline init() {}

    /// The first place filed under `hash` that `matches`.
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

    /// Whether `count` places need more slots than there are (more than three-quarters of them).
    @inlinable func isFull(count: Int) -> Bool { count * 4 > slots.count * 3 }

    /// Twice the slots (at least 16), the places `0 ..< hashes.count` filed again by their hashes.
    @usableFromInline mutating func grow(hashes: some Sequence<Int>) {
        slots = Array(repeating: -1, count: max(16, slots.count * 2))
        for (place, hash) in hashes.enumerated() { file(Int32(place), hash: hash) }
    }

    @inlinable mutating func file(_ place: Int32, hash: Int) {
        let mask = slots.count &- 1
        var slot = hash & mask
        while slots[slot] >= 0 { slot = (slot &+ 1) & mask }
        slots[slot] = place
    }

    /// The device's `DeviceIdentity.stableHash` (of its key), its high bits folded into the low
    /// ones the slots are chosen by.
    @inlinable static func hash(kind: String, id: String) -> Int {
        let hash = DeviceIdentity.stableHash(kind: kind, id: id)
        return Int(truncatingIfNeeded: hash ^ (hash >> 29))
    }
}
