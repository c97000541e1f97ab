/// Who a device is: its kind and its id together. Ids are unique only within a kind (a boiler
/// `g1` and a speedgate `g1` are two devices), so everything kept per device is keyed by this,
/// never by the id alone.
public struct DeviceIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var kind: String
    public var id: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
    }

    /// "boiler/b-001": the key state and ledgers are stored under (ids and kinds hold no "/").
    public var key: String { "\(kind)/\(id)" }

    public var description: String { key }

    public static func < (lhs: DeviceIdentity, rhs: DeviceIdentity) -> Bool {
        (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
    }
}
