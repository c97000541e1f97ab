import Foundation
import GRDB
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
            try store.enqueue([OutboxEntry(mark: "wo-1", topic: "t/1", payload: [1]), OutboxEntry(mark: "wo-2", topic: "t/2", payload: [2])])
            try store.markDelivered(["wo-1"])
        }
        let reopened = try FleetStore(directory: directory)
        let state = try reopened.load()
        #expect(state.devices == [Self.record("boiler/1", "state")])
        #expect(state.workOrders == [Self.record("wo-1", "open")])
        #expect(state.ledger == [Self.record("boiler/1", "ledger")])
        #expect(state.journalSequence == 7)
        #expect(try reopened.publishedOrderIDs() == ["wo-1"])
        #expect(try reopened.isPublished("wo-1") && !reopened.isPublished("wo-2"))
        #expect(try reopened.outbox().map(\.entry) == [OutboxEntry(mark: "wo-2", topic: "t/2", payload: [2])])
    }

    @Test("a batch of orders enters the outbox in its order; a mark enqueued again changes nothing")
    func outboxBatch() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FleetStore(directory: directory)
        let first = (1...3).map { OutboxEntry(mark: "wo-\($0)", topic: "t/\($0)", payload: [UInt8($0)]) }
        try store.enqueue(first)
        try store.enqueue([OutboxEntry(mark: "wo-2", topic: "t/2", payload: [99]), OutboxEntry(mark: "wo-4", topic: "t/4", payload: [4])])
        try store.enqueue([])
        let all = try store.outbox()
        #expect(all.map(\.entry) == first + [OutboxEntry(mark: "wo-4", topic: "t/4", payload: [4])])
        #expect(try store.outbox(limit: 2).map(\.entry) == Array(first.prefix(2)))
        #expect(try store.outbox(after: all[1].place).map(\.entry) == Array(all.dropFirst(2).map(\.entry)))
        #expect(try store.outboxCount() == 4)
    }

    @Test("orders' records are written with the outbox, the latest record of an order replacing the one before; a checkpoint's position does not move")
    func ordersWithOutbox() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            let store = try FleetStore(directory: directory)
            try store.write(Checkpoint(journalSequence: 3), at: 1)
            try store.enqueue([OutboxEntry(mark: "wo-1", topic: "t/1", payload: [1])], orders: [Self.record("wo-1", "issued"), Self.record("wo-2", "issued")])
            try store.enqueue([], orders: [Self.record("wo-1", "closed")])
        }
        let state = try FleetStore(directory: directory).load()
        #expect(state.workOrders == [Self.record("wo-1", "closed"), Self.record("wo-2", "issued")])
        #expect(state.journalSequence == 3)
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

    /// Records are made while the transaction is open: one that cannot be made must leave the last
    /// checkpoint whole, not half of the next.
    @Test("a checkpoint whose records fail part-way leaves the one before it as it was")
    func failedStreamingWrite() throws {
        struct Failure: Error {}
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try FleetStore(directory: directory)
        try store.write(Checkpoint(journalSequence: 3, devices: [Self.record("a", "1")], ledger: [Self.record("a", "L1")]), at: 1)
        #expect(throws: Failure.self) {
            try store.write(through: 9, at: 2) { add in
                try add(.device, Self.record("a", "2"))
                try add(.device, Self.record("b", "2"))
                throw Failure()
            }
        }
        let state = try store.load()
        #expect(state.journalSequence == 3 && state.devices == [Self.record("a", "1")] && state.ledger == [Self.record("a", "L1")])
        try store.write(through: 9, at: 3) { add in
            try add(.ledger, Self.record("a", "L2"))
            try add(.device, Self.record("b", "2"))
        }
        let next = try store.load()
        #expect(next.journalSequence == 9 && next.devices == [Self.record("a", "1"), Self.record("b", "2")] && next.ledger == [Self.record("a", "L2")])
    }

    @Test("an unusable state folder is a clear error")
    func unusableFolder() {
        #expect {
            try FleetStore(directory: URL(fileURLWithPath: "/proc/fleetprint-cannot-be-here"))
        } throws: { error in
            "\(error)".contains("/proc/fleetprint-cannot-be-here")
        }
    }

    @Test("an empty state file is refused, naming it and --init; with initialize it becomes a new state")
    func emptyFile() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("fleetprint.sqlite")
        try Data().write(to: file)
        #expect {
            try FleetStore(directory: directory)
        } throws: { error in
            "\(error)".contains(file.path) && "\(error)".contains("is empty") && "\(error)".contains("--init")
        }
        let store = try FleetStore(directory: directory, initialize: true)
        try store.write(Checkpoint(journalSequence: 3), at: 1)
        #expect(try FleetStore(directory: directory).load().journalSequence == 3)
    }

    @Test("another program's database is refused, and with initialize moved aside untouched, never written into")
    func foreignFile() throws {
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("fleetprint.sqlite")
        try DatabaseQueue(path: file.path).write { try $0.execute(sql: "CREATE TABLE customers (id INTEGER); INSERT INTO customers VALUES (42)") }
        #expect {
            try FleetStore(directory: directory)
        } throws: { error in
            "\(error)".contains("is not a Fleetprint state database (its tables: customers)")
        }
        _ = try FleetStore(directory: directory, initialize: true)
        let aside = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("fleetprint.sqlite.foreign-") }
        #expect(aside.count == 1)
        let kept = try DatabaseQueue(path: directory.appendingPathComponent(aside[0]).path).read { try Int.fetchOne($0, sql: "SELECT id FROM customers") }
        #expect(kept == 42)
        #expect(try FleetStore(directory: directory).load().journalSequence == 0)
    }
}
