import Foundation
import Testing
@testable import Store

@Suite("The state store")
struct FleetStoreTests {
    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("fleetprint-store-\(UUID().uuidString)")
    }

    private static func record(_ key: String, _ text: String) -> StoredRecord {
        StoredRecord(key: key, body: Data(text.utf8))
    }

    @Test("a reopened store resumes from its checkpoint")
    func reopen() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let store = try FleetStore(directory: directory)
            try store.write(Checkpoint(journalSequence: 7,
                                       devices: [Self.record("boiler/1", "state")],
                                       workOrders: [Self.record("wo-1", "open")],
                                       ledger: [Self.record("boiler/1", "ledger")]), at: 1)
            try store.markPublished("wo-1")
        }
        let reopened = try FleetStore(directory: directory)
        let state = try reopened.load()
        #expect(state.devices == [Self.record("boiler/1", "state")])
        #expect(state.workOrders == [Self.record("wo-1", "open")])
        #expect(state.ledger == [Self.record("boiler/1", "ledger")])
        #expect(state.journalSequence == 7)
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

    @Test("an unusable state folder is a clear error")
    func unusableFolder() {
        #expect {
            try FleetStore(directory: URL(fileURLWithPath: "/proc/fleetprint-cannot-be-here"))
        } throws: { error in
            "\(error)".contains("/proc/fleetprint-cannot-be-here")
        }
    }
}
