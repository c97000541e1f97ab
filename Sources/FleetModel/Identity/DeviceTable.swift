/// Per-device values by device key (`DeviceIdentity.key`), packed in one array with an index of
/// keys to places. A Swift dictionary keeps at most three-quarters of its buckets full and
/// doubles, so a dictionary of large per-device values held up to 2.6 times their size (a
/// million buckets for 400,000 devices); here the index holds four-byte places and the values
/// sit packed, in the order the devices were first stored, growing by a quarter when full (an
/// array doubles: up to half its room empty, and three times its size held while it moves). Devices are never removed, so a place
/// from `index(forKey:)` stays valid: the hot path finds a device once and changes it in place.
///
/// Two tables are equal when they hold the same values under the same keys, in any order (a
/// restored state stores its devices in key order, a live one as they came).
public struct DeviceTable<Value> {
    private var places: [String: Int32] = [:]
    /// The keys, in the order their devices were first stored.
    public private(set) var keys: [String] = []
    /// The values, aligned with `keys`.
    public private(set) var values: [Value] = []

    public init() {}

    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// The place of `key`'s value, for `self[place:]`.
    public func index(forKey key: String) -> Int? { places[key].map(Int.init) }

    /// The value at a place from `index(forKey:)`, changed in place (a copy out and back would
    /// copy the value's arrays on their first change).
    public subscript(place place: Int) -> Value {
        get { values[place] }
        _modify { yield &values[place] }
    }

    /// The value stored under `key`; storing nil is not supported (devices are never removed).
    public subscript(key: String) -> Value? {
        get { places[key].map { values[Int($0)] } }
        set {
            guard let newValue else { preconditionFailure("a device table never removes a device (\(key))") }
            updateValue(newValue, forKey: key)
        }
    }

    /// Stores `value` under `key`; the value it replaced, if any.
    @discardableResult
    public mutating func updateValue(_ value: Value, forKey key: String) -> Value? {
        if let place = places[key] {
            defer { values[Int(place)] = value }
            return values[Int(place)]
        }
        places[key] = Int32(values.count)
        if values.count == values.capacity {
            let capacity = values.count + Swift.max(values.count / 4, 16)
            keys.reserveCapacity(capacity)
            values.reserveCapacity(capacity)
        }
        keys.append(key)
        values.append(value)
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
