/// A ledger file that cannot be read or written, or ledgers that cannot be merged.
public struct LedgerFileError: Error, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
