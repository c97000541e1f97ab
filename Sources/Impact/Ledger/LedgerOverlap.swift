/// Two ledgers to be merged hold the same device: shards of one fleet never do, so they are not
/// shards of one fleet (or one was given twice), and adding them would count the device twice.
public struct LedgerOverlap: Error, Sendable, Equatable {
    /// `kind/id` of the first device found in both.
    public let device: String
    /// Positions of the two ledgers in the list given.
    public let first: Int
    public let second: Int
}
