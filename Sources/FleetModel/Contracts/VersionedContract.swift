/// A JSON contract Fleetprint publishes: its `schema` field names the version, and the file
/// docs/schemas/<name>.schema.json describes it.
public protocol VersionedContract {
    static var schemaVersion: String { get }
}
