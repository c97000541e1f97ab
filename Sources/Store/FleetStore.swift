import Foundation
import GRDB

/// The daemon's durable state in one SQLite file (WAL), `fleetprint.sqlite` in the state folder.
///
/// Crash safety comes from two parts: every incoming message is in the `MessageJournal` before it
/// is acknowledged, and a checkpoint here writes the changed state with the journal position it
/// covers, in one transaction. After `kill -9`, loading the checkpoint and replaying the journal
/// after that position gives the state of an uninterrupted run; published work-order ids stop a
/// replay from publishing an order twice. Only the daemon's pipeline thread writes here.
public final class FleetStore: Sendable {
    public let file: URL
    private let database: DatabasePool

    /// Opens the state in `directory`, creating it when there is no state file yet. An existing
    /// file that is empty or another program's database is refused (starting on it would silently
    /// begin with an empty ledger) unless `initialize` is set: then an empty file is taken and a
    /// foreign one is moved aside as `fleetprint.sqlite.foreign-<time>`, never written into.
    public init(directory: URL, initialize: Bool = false) throws {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError("cannot create the state folder \(directory.path): \(error.localizedDescription)")
        }
        file = directory.appendingPathComponent("fleetprint.sqlite")
        try Self.checkExisting(file, initialize: initialize)
        var configuration = Configuration()
        configuration.label = "fleetprint-state"
        configuration.prepareDatabase { db in
            // A process crash loses nothing committed in WAL mode with NORMAL; only a power cut may.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Debian's SQLite zeroes every deleted row's bytes on disk (`secure_delete` on), which
            // wrote each freed page of the outbox once more as its orders left it; FAST zeroes
            // them only in pages written anyway.
            try db.execute(sql: "PRAGMA secure_delete = FAST")
            // The readers only count the outbox and read its next entries, each once: a page
            // cache of SQLite's default 2 MB filled up with the outbox's count every 5 s and
            // stayed (heaptrack of a 100,000-device daemon: 1.7 MB). The writer keeps the default.
            if db.configuration.readonly { try db.execute(sql: "PRAGMA cache_size = -256") }
        }
        do {
            database = try DatabasePool(path: file.path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch {
            throw StoreError("cannot open the state database \(file.path): \(error)")
        }
    }

    private static func checkExisting(_ file: URL, initialize: Bool) throws {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: file.path))?[.size] as? Int else { return }
        if size == 0 {
            guard initialize else {
                throw StoreError("\(file.path) is empty, so it holds no Fleetprint state (a new state folder has no file at all); "
                                 + "start with --init to begin a new state in it, or point --state at the right folder")
            }
            return
        }
        let tables: [String]
        do {
            tables = try DatabaseQueue(path: file.path, configuration: { var c = Configuration(); c.readonly = true; return c }()).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
        } catch {
            throw StoreError("cannot open the state database \(file.path): \(error)")
        }
        guard !tables.contains("checkpoint") || !tables.contains("grdb_migrations") else { return }
        guard initialize else {
            throw StoreError("\(file.path) is not a Fleetprint state database (its tables: \(tables.isEmpty ? "none" : tables.joined(separator: ", "))); "
                             + "point --state at the right folder, or start with --init to move it aside and begin a new state")
        }
        let aside = file.deletingLastPathComponent().appendingPathComponent("fleetprint.sqlite.foreign-\(Int(Date().timeIntervalSince1970))")
        do {
            try FileManager.default.moveItem(at: file, to: aside)
        } catch {
            throw StoreError("cannot move the foreign database \(file.path) aside: \(error.localizedDescription)")
        }
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE journal (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    topic TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    received_at REAL NOT NULL);
                CREATE TABLE device (key TEXT PRIMARY KEY, body BLOB NOT NULL);
                CREATE TABLE work_order (key TEXT PRIMARY KEY, body BLOB NOT NULL);
                CREATE TABLE ledger (key TEXT PRIMARY KEY, body BLOB NOT NULL);
                CREATE TABLE published_order (id TEXT PRIMARY KEY);
                CREATE TABLE checkpoint (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    journal_sequence INTEGER NOT NULL,
                    written_at REAL NOT NULL);
                """)
        }
        migrator.registerMigration("v2: the journal moved to segment files") { db in
            try db.execute(sql: "DROP TABLE journal")
        }
        migrator.registerMigration("v3: work orders wait in an outbox until acknowledged") { db in
            try db.execute(sql: "CREATE TABLE outbox (mark TEXT PRIMARY KEY, topic TEXT NOT NULL, payload BLOB NOT NULL)")
        }
        return migrator
    }

    /// Writes the changed records and the journal position they cover.
    public func write(_ checkpoint: Checkpoint, at wallTime: Double) throws {
        try write(through: checkpoint.journalSequence, at: wallTime) { add in
            for (table, records) in [(StoreTable.device, checkpoint.devices), (.workOrder, checkpoint.workOrders), (.ledger, checkpoint.ledger)] {
                for record in records { try add(table, record) }
            }
        }
    }

    /// Writes a checkpoint covering the journal up to `journalSequence` in one transaction, its
    /// records handed to `add` one at a time as `records` makes them: a flood's checkpoint of
    /// 80,000 changed devices held about 100 MB of records at once when they were made first.
    public func write(through journalSequence: Int64, at wallTime: Double,
                      _ records: (_ add: (StoreTable, StoredRecord) throws -> Void) throws -> Void) throws {
        try database.write { db in
            var inserts: [StoreTable: Statement] = [:]
            for table in StoreTable.allCases { inserts[table] = try Self.upsert(into: table, db) }
            try records { table, record in try inserts[table]?.execute(arguments: [record.key, record.body]) }
            try db.execute(sql: "INSERT OR REPLACE INTO checkpoint (id, journal_sequence, written_at) VALUES (1, ?, ?)",
                           arguments: [journalSequence, wallTime])
        }
    }

    /// The statement that writes a record into `table`, replacing the one with its key.
    private static func upsert(into table: StoreTable, _ db: Database) throws -> Statement {
        try db.cachedStatement(sql: "INSERT OR REPLACE INTO \(table.rawValue) (key, body) VALUES (?, ?)")
    }

    /// The state as of the last checkpoint (everything, not only what changed last).
    public func load() throws -> Checkpoint {
        var checkpoint = Checkpoint.empty
        checkpoint.journalSequence = try read(StoreTable.allCases) { table, record in
            switch table {
            case .device: checkpoint.devices.append(record)
            case .workOrder: checkpoint.workOrders.append(record)
            case .ledger: checkpoint.ledger.append(record)
            }
        }
        return checkpoint
    }

    /// Visits the records of `tables` as of the last checkpoint, each table in key order, one at
    /// a time (a million devices' records would be hundreds of megabytes held at once), and
    /// returns the journal position they cover.
    public func read(_ tables: [StoreTable], _ visit: (StoreTable, StoredRecord) throws -> Void) throws -> Int64 {
        try database.read { db in
            for table in tables {
                let rows = try Row.fetchCursor(db, sql: "SELECT key, body FROM \(table.rawValue) ORDER BY key")
                while let row = try rows.next() { try visit(table, StoredRecord(key: row["key"], body: row["body"])) }
            }
            return try Self.checkpointSequence(db)
        }
    }

    /// Puts work orders in the outbox, in one transaction, where each stays until the broker
    /// acknowledges it (a second enqueue of the same mark changes nothing), and writes `orders`,
    /// the orders' latest records, in the same transaction. The orders' records used to wait for
    /// the next checkpoint, in memory: a flood's orders took about 150 bytes each until then (a
    /// tenth of a 100,000-device daemon's memory). A record written ahead of the checkpoint that
    /// covers it is harmless: a replay after a crash issues the same order and writes it again.
    public func enqueue(_ entries: [OutboxEntry], orders: [StoredRecord] = []) throws {
        guard !entries.isEmpty || !orders.isEmpty else { return }
        try database.write { db in
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO outbox (mark, topic, payload) VALUES (?, ?, ?)")
            for entry in entries {
                try insert.execute(arguments: [entry.mark, entry.topic, Data(entry.payload)])
            }
            let record = try Self.upsert(into: .workOrder, db)
            for order in orders {
                try record.execute(arguments: [order.key, order.body])
            }
        }
    }

    /// The broker acknowledged them: out of the outbox, into the published marks, in one
    /// transaction (one per acknowledgement held the network thread about 200 µs each).
    public func markDelivered(_ marks: some Sequence<String>) throws {
        try database.write { db in
            let remove = try db.cachedStatement(sql: "DELETE FROM outbox WHERE mark = ?")
            let record = try db.cachedStatement(sql: "INSERT OR IGNORE INTO published_order (id) VALUES (?)")
            for mark in marks {
                try remove.execute(arguments: [mark])
                try record.execute(arguments: [mark])
            }
        }
    }

    /// What waits for an acknowledgement, oldest first, each with its place in the outbox (a later
    /// entry has a higher place while the outbox is not empty): those after `place`, at most `limit`.
    public func outbox(after place: Int64 = 0, limit: Int? = nil) throws -> [(place: Int64, entry: OutboxEntry)] {
        var entries: [(place: Int64, entry: OutboxEntry)] = []
        try visitOutbox(after: place, limit: limit) { entries.append(($0, $1)) }
        return entries
    }

    /// The same entries as `outbox(after:limit:)`, each handed to `visit` as it is read, so that
    /// none is kept once visited: the daemon's look at a full outbox read 20,000 entries, their
    /// payloads and a copy of every row at once, about 10 MB at the height of a flood.
    public func visitOutbox(after place: Int64 = 0, limit: Int? = nil, _ visit: (Int64, OutboxEntry) throws -> Void) throws {
        try database.read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT rowid, mark, topic, payload FROM outbox WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                           arguments: [place, limit ?? -1])
            while let row = try rows.next() {
                try visit(row[0], OutboxEntry(mark: row["mark"], topic: row["topic"], payload: try row.withUnsafeData(named: "payload") { [UInt8]($0 ?? Data()) }))
            }
        }
    }

    /// How many work orders wait for an acknowledgement.
    public func outboxCount() throws -> Int {
        try database.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0 }
    }

    /// Whether the broker took the publication `mark` (`markDelivered`).
    public func isPublished(_ mark: String) throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM published_order WHERE id = ?"), arguments: [mark]) ?? false
        }
    }

    /// Every publication the broker took (tests compare them).
    public func publishedOrderIDs() throws -> Set<String> {
        try database.read { db in Set(try String.fetchAll(db, sql: "SELECT id FROM published_order")) }
    }

    private static func checkpointSequence(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT journal_sequence FROM checkpoint WHERE id = 1") ?? 0
    }
}
