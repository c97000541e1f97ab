import Foundation

/// How Fleetprint writes a message it publishes: the contract's JSON with its `schema` version,
/// sorted keys, ISO 8601 times and unescaped slashes, so every consumer can check what it reads.
public enum ContractJSON {
    /// Sorted keys, ISO 8601 times, unescaped slashes: for contracts that carry their `schema`
    /// field themselves (`SchemaTag`).
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// `value` with its `schema` field added, for types that do not store it (they are also
    /// kept in the daemon's state, where no version belongs).
    public static func encoded<Value: Encodable & VersionedContract>(_ value: Value) throws -> Data {
        try encoder.encode(Stamped(value: value))
    }
}
