#if canImport(Glibc)
import Glibc
#endif
import FleetModel
import Foundation
import MQTT
import Pipeline
import Store
import Synchronization
import Telemetry

/// What the MQTT network thread does with each message before the broker may count it as
/// delivered: append it to the journal and hand it to the pipeline thread through the bounded
/// queue. No more: this thread's reads and acknowledgements are the drain's critical path (alone
/// they cost what `mosquitto_sub` does), so the payload is parsed on the pipeline thread.
///
/// With a partition, messages of devices it does not own are acknowledged and dropped after the
/// topic match alone: no journal record (another daemon owns them).
///
/// If the journal cannot be written, it retries for about a second, then refuses the message
/// (`receive` throws, so the MQTT client never acknowledges it), closes the queue and keeps the
/// error for the daemon to exit with. It never drops a message it was given.
final class DaemonIntake: Sendable {
    let journal: MessageJournal
    let queue: IntakeQueue<IntakeItem>
    /// Routes topics for a partition only: the payload is parsed on the pipeline thread.
    private let parser: MessageParser
    private let filter: PartitionFilter?
    private let notOwnedCount = Atomic<Int>(0)
    /// Journal order and queue order are one order, also with several brokers' threads.
    private let order = Mutex(())
    private let failureBox = Mutex<(any Error)?>(nil)
    static let attempts = 6
    static let pauseMicroseconds: UInt32 = 200_000

    init(journal: MessageJournal, queue: IntakeQueue<IntakeItem>, parser: MessageParser, partition: Partition? = nil) {
        self.journal = journal
        self.queue = queue
        self.parser = parser
        filter = partition.map { PartitionFilter(partition: $0, parser: parser) }
    }

    /// Messages dropped because another partition owns their device.
    var notOwned: Int { notOwnedCount.load(ordering: .relaxed) }

    /// The journal error that stopped intake, if any.
    var failure: (any Error)? { failureBox.withLock { $0 } }

    func receive(_ message: MQTTMessage) throws {
        if let failure { throw failure }
        // A partition routes the topic first, to drop other partitions' devices; the pipeline
        // parses with that route, so the topic is matched once either way.
        var routed: DeviceAddress??
        if let filter {
            let address = parser.address(of: message.topic)
            guard filter.owns(address) else {
                notOwnedCount.add(1, ordering: .relaxed)
                return
            }
            routed = .some(address)
        }
        // Stamped first, so arrival-to-processed latency includes the journal write and the wait.
        let receivedAt = Date().timeIntervalSince1970
        try order.withLock { _ in
            let sequence = try append(message, receivedAt: receivedAt)
            // False only while stopping: the message is journaled, and the next start replays it.
            _ = queue.push(IntakeItem(sequence: sequence, receivedAt: receivedAt, topic: message.topic, payload: message.payload, routed: routed))
        }
    }

    private func append(_ message: MQTTMessage, receivedAt: Double) throws -> Int64 {
        var attempt = 1
        while true {
            do {
                return try journal.append(topic: message.topic, payload: message.payload, receivedAt: receivedAt)
            } catch {
                // A full disk may clear (a log rotated); a read-only one will not.
                guard attempt < Self.attempts else {
                    failureBox.withLock { $0 = $0 ?? error }
                    queue.close()
                    throw error
                }
                attempt += 1
                usleep(Self.pauseMicroseconds)
            }
        }
    }
}
