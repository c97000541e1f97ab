import Foundation

/// How Fleetprint writes a message it publishes: the contract's JSON with its `schema` version,
/// sorted keys, ISO 8601 times and unescaped slashes, so every consumer can check what it reads.
public enum ContractJSON {
    public static func encoded<Value: Encodable & VersionedContract>(_ value: Value) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(Stamped(value: value))
    }
}
