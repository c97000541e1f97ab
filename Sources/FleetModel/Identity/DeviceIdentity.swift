/// Who a device is: its kind and its id together. Ids are unique only within a kind (a boiler
/// `g1` and a speedgate `g1` are two devices), so everything kept per device is keyed by this,
/// never by the id alone.
public struct DeviceIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: String
    public let id: String
    /// "boiler/b-001": the key state and ledgers are stored under (ids and kinds hold no "/").
    /// A message's device is found without building it (`DeviceTable.index(kind:id:)`).
    public let key: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
        key = Self.key(kind: kind, id: id)
    }

    public var description: String { key }

    /// FNV-1a over the UTF-8 of `key`: what partitions and the simulator's random streams are
    /// derived from, the same on every run and platform.
    public var stableHash: UInt64 { Self.stableHash(kind: kind, id: id) }

    /// `stableHash` without building the key (the daemon's intake asks it for every message).
    @inlinable public static func stableHash(kind: String, id: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(kind.utf8)
        hash.add(CollectionOfOne(UInt8(ascii: "/")))
        hash.add(id.utf8)
        return hash.value
    }

    /// The key of the device `id` of `kind`.
    public static func key(kind: String, id: String) -> String { "\(kind)/\(id)" }

    /// Whether the key `kind/id` sorts before `otherKind/otherID`, without building either.
    @inlinable public static func key(kind: String, id: String, precedes otherKind: String, _ otherID: String) -> Bool {
        // Kinds hold no "/": the first byte where "kind/" and "otherKind/" differ decides.
        let slash = UInt8(ascii: "/")
        var (mine, other) = (kind.utf8.makeIterator(), otherKind.utf8.makeIterator())
        while true {
            let (a, b) = (mine.next() ?? slash, other.next() ?? slash)
            if a != b { return a < b }
            if a == slash { return id < otherID }
        }
    }

    /// The same for two devices' values.
    @inlinable public static func key(of device: some DeviceKeyed, precedes other: some DeviceKeyed) -> Bool {
        key(kind: device.kind, id: device.device, precedes: other.kind, other.device)
    }

    public static func < (lhs: DeviceIdentity, rhs: DeviceIdentity) -> Bool {
        (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
    }
}
