/// The `schema` field of a `VersionedContract`: encodes its version, and refuses any other when
/// decoding, so a reader never misreads a message of another version as its own.
public struct SchemaTag<Contract: VersionedContract>: Sendable, Equatable, Codable {
    public init() {}

    public var version: String { Contract.schemaVersion }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let found = try container.decode(String.self)
        guard found == Contract.schemaVersion else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "schema \(found) is not \(Contract.schemaVersion), the version this reader knows")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Contract.schemaVersion)
    }
}
