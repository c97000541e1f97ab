/// Who a device is: its kind and its id together. Ids are unique only within a kind (a boiler
/// `g1` and a speedgate `g1` are two devices), so everything kept per device is keyed by this,
/// never by the id alone.
public struct DeviceIdentity: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let kind: String
    public let id: String
    /// "boiler/b-001": the key state and ledgers are stored under (ids and kinds hold no "/"),
    /// built once, as a message's identity is used several times on the hot path.
    public let key: String

    public init(kind: String, id: String) {
        self.kind = kind
        self.id = id
        key = "\(kind)/\(id)"
    }

    public var description: String { key }

    public static func < (lhs: DeviceIdentity, rhs: DeviceIdentity) -> Bool {
        (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
    }
}
