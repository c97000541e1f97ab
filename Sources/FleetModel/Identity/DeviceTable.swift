/// Per-device values by device key (`DeviceIdentity.key`), packed in chunks of a few thousand
/// with an index of keys to places. A Swift dictionary keeps at most three-quarters of its
/// buckets full and doubles, so a dictionary of large per-device values held up to 2.6 times
/// their size (a million buckets for 400,000 devices); one array of them would double too, and
/// hold the old and the new array at once while it moves. Here the index holds four-byte places
/// (`DeviceKeyIndex`) and no keys at all: each value says which device it is (`DeviceKeyed`).
/// The values sit in chunks filled in the order the devices were first stored: the table never
/// holds more than one chunk of room, and never moves a value. Devices are never removed, so a
/// place from `index(forKey:)` stays valid: the hot path finds a device once and changes it in
/// place.
///
/// Two tables are equal when they hold the same values, in any order (a restored state stores
/// its devices in key order, a live one as they came).
///
/// The members a message's path uses are inlinable, so the pipeline's and the ledger's modules
/// get code specialised to their values: called generically across the module boundary, each
/// access looked up the type's metadata and copied values through witness tables.
public struct DeviceTable<Value: DeviceKeyed> {
    @usableFromInline var keyIndex = DeviceKeyIndex()
    /// The values, in the order their devices were first stored, `chunkSize` to a chunk (each
    /// made with room for all of them).
    @usableFromInline var chunks: [[Value]] = []
    @usableFromInline var storedCount = 0

    /// 4,096: a chunk of 128-byte states is 512 KB, a 250th of a million devices' states.
    @usableFromInline static var chunkBits: Int { 12 }
    @usableFromInline static var chunkSize: Int { 1 << chunkBits }

    public init() {}

    @inlinable public var count: Int { storedCount }
    public var isEmpty: Bool { storedCount == 0 }

    /// The values, in the order their devices were first stored.
    public var values: FlattenSequence<[[Value]]> { chunks.joined() }

    /// The key of the device at `place`.
    public func key(at place: Int) -> String { self[place: place].deviceKey }

    /// The place of `key`'s value, for `self[place:]`.
    @inlinable public func index(forKey key: String) -> Int? {
        guard let slash = key.firstIndex(of: "/") else { return nil }
        return index(kind: String(key[..<slash]), id: String(key[key.index(after: slash)...]))
    }

    /// The place of the device `id` of `kind`, found without building its key (once per message otherwise).
    @inlinable public func index(kind: String, id: String) -> Int? {
        keyIndex.find(hash: DeviceKeyIndex.hash(kind: kind, id: id)) { self[place: $0].device == id && self[place: $0].kind == kind }
    }

    /// The value at a place from `index(forKey:)`, changed in place (a copy out and back would
    /// copy the value's arrays on their first change). It must stay the same device's.
    @inlinable public subscript(place place: Int) -> Value {
        get { chunks[place >> Self.chunkBits][place & (Self.chunkSize - 1)] }
        _modify { yield &chunks[place >> Self.chunkBits][place & (Self.chunkSize - 1)] }
    }

    /// The value stored under `key`.
    @inlinable public subscript(key: String) -> Value? {
        index(forKey: key).map { self[place: $0] }
    }

    /// Stores `value` under its device's key; the value it replaced, if any.
    @inlinable @discardableResult
    public mutating func store(_ value: Value) -> Value? {
        if let place = index(kind: value.kind, id: value.device) {
            defer { self[place: place] = value }
            return self[place: place]
        }
        if storedCount & (Self.chunkSize - 1) == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        chunks[chunks.count - 1].append(value)
        storedCount += 1
        if keyIndex.isFull(count: storedCount) {
            keyIndex.grow(hashes: values.lazy.map { DeviceKeyIndex.hash(kind: $0.kind, id: $0.device) })
        } else {
            keyIndex.file(Int32(storedCount - 1), hash: DeviceKeyIndex.hash(kind: value.kind, id: value.device))
        }
        return nil
    }
}

extension DeviceTable: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        values.lazy.map { (key: $0.deviceKey, value: $0) }.makeIterator()
    }

    public var underestimatedCount: Int { count }
}

extension DeviceTable: Sendable where Value: Sendable {}

extension DeviceTable: Equatable where Value: Equatable {
    public static func == (lhs: DeviceTable, rhs: DeviceTable) -> Bool {
        lhs.count == rhs.count && lhs.values.allSatisfy { value in rhs.index(kind: value.kind, id: value.device).map { rhs[place: $0] == value } ?? false }
    }
}

extension DeviceTable: Hashable where Value: Hashable {
    /// Independent of the order: the values' own hashes, summed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(values.reduce(0) { $0 &+ $1.hashValue })
    }
}

extension DeviceTable: Codable where Value: Codable {
    /// As a JSON object by key, as the dictionary it replaces was written.
    public init(from decoder: any Decoder) throws {
        for (_, value) in try [String: Value](from: decoder).sorted(by: { $0.key < $1.key }) { store(value) }
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: map { ($0.key, $0.value) }).encode(to: encoder)
    }
}
