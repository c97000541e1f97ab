/// Per-device values by device key (`DeviceIdentity.key`), packed in chunks of a few thousand
/// with an index of keys to places. A Swift dictionary keeps at most three-quarters of its
/// buckets full and doubles, so a dictionary of large per-device values held up to 2.6 times
/// their size (a million buckets for 400,000 devices); one array of them would double too, and
/// hold the old and the new array at once while it moves. Here the index holds four-byte places
/// and no keys of its own (`DeviceKeyIndex`), and the values sit in chunks filled in the order the
/// devices were first stored: the table never holds more than one chunk of room, and never moves
/// a value. Devices are never removed, so a place from `index(forKey:)` stays valid: the hot path
/// finds a device once and changes it in place.
///
/// Two tables are equal when they hold the same values under the same keys, in any order (a
/// restored state stores its devices in key order, a live one as they came).
///
/// The members a message's path uses are inlinable, so the pipeline's and the ledger's modules
/// get code specialised to their values: called generically across the module boundary, each
/// access looked up the type's metadata and copied values through witness tables.
public struct DeviceTable<Value> {
    @usableFromInline var keyIndex = DeviceKeyIndex()
    /// The keys, in the order their devices were first stored.
    @usableFromInline var orderedKeys: [String] = []
    /// The values, aligned with the keys, `chunkSize` to a chunk (each made with room for all of them).
    @usableFromInline var chunks: [[Value]] = []

    /// 4,096: a chunk of 160-byte states is 640 KB, a thousandth of a million devices' states.
    @usableFromInline static var chunkBits: Int { 12 }
    @usableFromInline static var chunkSize: Int { 1 << chunkBits }

    public init() {}

    /// The keys, in the order their devices were first stored.
    public var keys: [String] { orderedKeys }
    @inlinable public var count: Int { orderedKeys.count }
    public var isEmpty: Bool { orderedKeys.isEmpty }

    /// The values, aligned with `keys`.
    public var values: FlattenSequence<[[Value]]> { chunks.joined() }

    /// The place of `key`'s value, for `self[place:]`.
    @inlinable public func index(forKey key: String) -> Int? { keyIndex.place(of: key, in: orderedKeys) }

    /// The place of the value stored under `DeviceIdentity(kind: kind, id: id).key`, found
    /// without building that key (once per message otherwise).
    @inlinable public func index(kind: String, id: String) -> Int? { keyIndex.place(kind: kind, id: id, in: orderedKeys) }

    /// The value at a place from `index(forKey:)`, changed in place (a copy out and back would
    /// copy the value's arrays on their first change).
    @inlinable public subscript(place place: Int) -> Value {
        get { chunks[place >> Self.chunkBits][place & (Self.chunkSize - 1)] }
        _modify { yield &chunks[place >> Self.chunkBits][place & (Self.chunkSize - 1)] }
    }

    /// The value stored under `key`; storing nil is not supported (devices are never removed).
    @inlinable public subscript(key: String) -> Value? {
        get { index(forKey: key).map { self[place: $0] } }
        set {
            guard let newValue else { preconditionFailure("a device table never removes a device (\(key))") }
            updateValue(newValue, forKey: key)
        }
    }

    /// Stores `value` under `key`; the value it replaced, if any.
    @inlinable @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? {
        if let place = index(forKey: key) {
            defer { self[place: place] = value }
            return self[place: place]
        }
        if count & (Self.chunkSize - 1) == 0 {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(Self.chunkSize)
        }
        orderedKeys.append(key)
        keyIndex.addLast(of: orderedKeys)
        chunks[chunks.count - 1].append(value)
        return nil
    }
}

extension DeviceTable: Sequence {
    public func makeIterator() -> some IteratorProtocol<(key: String, value: Value)> {
        zip(keys, values).lazy.map { (key: $0, value: $1) }.makeIterator()
    }

    public var underestimatedCount: Int { count }
}

extension DeviceTable: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) {
        for (key, value) in elements { updateValue(value, forKey: key) }
    }
}

extension DeviceTable: Sendable where Value: Sendable {}

extension DeviceTable: Equatable where Value: Equatable {
    public static func == (lhs: DeviceTable, rhs: DeviceTable) -> Bool {
        lhs.count == rhs.count && lhs.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension DeviceTable: Hashable where Value: Hashable {
    /// Independent of the order: the entries' own hashes, summed.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        hasher.combine(reduce(0) { sum, entry in
            var own = Hasher()
            own.combine(entry.key)
            own.combine(entry.value)
            return sum &+ own.finalize()
        })
    }
}

extension DeviceTable: Codable where Value: Codable {
    /// As a JSON object by key, as the dictionary it replaces was written.
    public init(from decoder: any Decoder) throws {
        for (key, value) in try [String: Value](from: decoder).sorted(by: { $0.key < $1.key }) { updateValue(value, forKey: key) }
    }

    public func encode(to encoder: any Encoder) throws {
        try Dictionary(uniqueKeysWithValues: zip(keys, values)).encode(to: encoder)
    }
}
