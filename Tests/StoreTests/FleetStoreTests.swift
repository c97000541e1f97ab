import Foundation
import Testing
@testable import Store

@Suite("The state store")
struct FleetStoreTests {
    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-store-\(UUID().uuidString)")
    }

    private static func entry(_ topic: String) -> JournalEntry {
        JournalEntry(topic: topic, payload: Array("{\"t\":1}".utf8), receivedAt: 1_700_000_000)
    }

    private static func record(_ key: String, _ text: String) -> StoredRecord {
        StoredRecord(key: key, body: Data(text.utf8))
    }

    @Test("journal entries wait for replay until a checkpoint covers them")
    func journalUntilCheckpoint() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FleetStore(directory: directory)
        let first = try store.append(Self.entry("a"))
        let second = try store.append(Self.entry("b"))
        try store.append(Self.entry("c"))
        #expect(try store.journal(after: store.load().journalSequence).map(\.topic) == ["a", "b", "c"])
        #expect(second == first + 1)
        #expect(try store.journal(after: first, limit: 1).map(\.topic) == ["b"])

        try store.write(Checkpoint(journalSequence: second, devices: [Self.record("boiler/1", "s1")]), at: 1)
        #expect(try store.journal(after: store.load().journalSequence).map(\.topic) == ["c"])
        #expect(try store.journal(after: store.load().journalSequence).first?.payload == Array("{\"t\":1}".utf8))
    }

    @Test("a reopened store resumes from its checkpoint and replays the rest")
    func reopen() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let store = try FleetStore(directory: directory)
            let sequence = try store.append(Self.entry("x"))
            try store.write(Checkpoint(journalSequence: sequence,
                                       devices: [Self.record("boiler/1", "state")],
                                       workOrders: [Self.record("wo-1", "open")],
                                       ledger: [Self.record("boiler/1", "ledger")]), at: 1)
            try store.append(Self.entry("after"))
            try store.markPublished("wo-1")
        }
        let reopened = try FleetStore(directory: directory)
        let state = try reopened.load()
        #expect(state.devices == [Self.record("boiler/1", "state")])
        #expect(state.workOrders == [Self.record("wo-1", "open")])
        #expect(state.ledger == [Self.record("boiler/1", "ledger")])
        #expect(try reopened.journal(after: reopened.load().journalSequence).map(\.topic) == ["after"])
        #expect(try reopened.publishedOrderIDs() == ["wo-1"])
    }

    @Test("a checkpoint replaces records by key and keeps the others")
    func upsert() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FleetStore(directory: directory)
        try store.write(Checkpoint(journalSequence: 0, devices: [Self.record("a", "1"), Self.record("b", "1")]), at: 1)
        try store.write(Checkpoint(journalSequence: 0, devices: [Self.record("b", "2")]), at: 2)
        #expect(try store.load().devices == [Self.record("a", "1"), Self.record("b", "2")])
    }

    @Test("sequence numbers never repeat, even after the journal is trimmed")
    func sequencesGrow() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FleetStore(directory: directory)
        let first = try store.append(Self.entry("a"))
        try store.write(Checkpoint(journalSequence: first), at: 1)
        #expect(try store.append(Self.entry("b")) > first)
    }

    @Test("an unusable state folder is a clear error")
    func unusableFolder() {
        #expect {
            try FleetStore(directory: URL(fileURLWithPath: "/proc/fleetprint-cannot-be-here"))
        } throws: { error in
            "\(error)".contains("/proc/fleetprint-cannot-be-here")
        }
    }
}
