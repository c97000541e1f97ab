import Foundation

/// Everything the daemon needs to resume: the state up to `journalSequence`, after which the
/// journal holds the messages still to replay. Written in one transaction.
public struct Checkpoint: Sendable, Equatable {
    /// The last journal entry whose effect is included in this state.
    public var journalSequence: Int64
    /// Per-device CBM state, rule timers and watermark, keyed by `kind/device`.
    public var devices: [StoredRecord]
    /// Work orders, open and closed, keyed by their id.
    public var workOrders: [StoredRecord]
    /// Ledger entries of the devices that changed, keyed by `kind/device`, and `fleet` for the
    /// fleet-wide terms (and `progress`); older stores may hold the whole ledger under `ledger`.
    public var ledger: [StoredRecord]

    public init(journalSequence: Int64, devices: [StoredRecord] = [], workOrders: [StoredRecord] = [], ledger: [StoredRecord] = []) {
        self.journalSequence = journalSequence
        self.devices = devices
        self.workOrders = workOrders
        self.ledger = ledger
    }

    public static let empty = Checkpoint(journalSequence: 0)
}
