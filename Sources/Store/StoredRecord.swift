import Foundation

/// A row of state the store keeps without knowing its shape: a key and an encoded body.
/// The runtime encodes device states, work orders and ledger entries; the store makes them durable.
public struct StoredRecord: Sendable, Equatable {
    public var key: String
    public var body: Data

    public init(key: String, body: Data) {
        self.key = key
        self.body = body
    }
}
