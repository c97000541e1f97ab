/// A value's JSON with its contract's `schema` field added beside its own fields.
struct Stamped<Value: Encodable & VersionedContract>: Encodable {
    var value: Value

    enum CodingKeys: String, CodingKey {
        case schema
    }

    func encode(to encoder: any Encoder) throws {
        try value.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(Value.schemaVersion, forKey: .schema)
    }
}
