import Catalog
import Foundation
import GRDB

/// The SQLite database of one coordinator or of the lead partner: drafts, final responses and
/// their versions. The only type in Osaava that knows SQL; its API speaks in Catalog records,
/// so that another backend (PostgreSQL) can later stand behind the same methods.
package final class ResponseStore: Sendable {
    let queue: DatabaseQueue
    /// The file, or ":memory:", for messages.
    package let path: String

    private init(queue: DatabaseQueue, path: String) {
        self.queue = queue
        self.path = path
    }

    /// Closes the connection now, as releasing the store would (the WAL is checkpointed and
    /// removed); the store cannot be used afterwards.
    package func close() throws {
        try queue.close()
    }

    /// Opens (creating it with mode 0600 when missing) and migrates the database at `path`.
    /// A file that holds another program's SQLite database is refused, untouched (the switch to
    /// WAL and the migrations would change it); so is an empty file, unless `creating`.
    /// - Parameters:
    ///   - creating: whether the caller writes responses (an empty file then becomes the database).
    ///   - busyTimeout: how long to wait for another process's write (an import, a merge) to finish.
    ///   - onWait: called once per wait, so the user can be told what the program is waiting for.
    ///   - onUpgrade: called with the migrations about to run on a database that has data, so the
    ///     user can be told why this one opening takes longer (a large table may be made again).
    package static func open(
        path: String, creating: Bool = true, busyTimeout: TimeInterval = 30, onWait: (@Sendable () -> Void)? = nil,
        onUpgrade: (([String]) -> Void)? = nil
    ) throws -> ResponseStore {
        let kind = DatabaseFileKind(path: path)
        switch kind {
        case .other: throw StoreError.notOsaava(path: path)
        case .empty where !creating: throw StoreError.emptyFile(path: path)
        default: break
        }
        let manager = FileManager.default
        if kind == .missing {
            // SQLite would create the file with 0644 minus the umask; create it first so that the
            // database, its WAL and its SHM (which inherit the mode) are readable by us only.
            guard manager.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                let folder = (path as NSString).deletingLastPathComponent
                throw StoreError.cannotCreate(
                    path: path,
                    reason: manager.fileExists(atPath: folder.isEmpty ? "." : folder)
                        ? "permission denied" : "no such folder")
            }
        }
        var configuration = Configuration()
        // WAL is set here rather than with `configuration.journalMode = .wal`: GRDB's WAL set-up
        // lowers `synchronous` to NORMAL after `prepareDatabase` has run (a commit could then be
        // lost on power failure), and writes a throw-away table whenever the WAL file is empty,
        // which made every read-only command a write with four fsyncs.
        // Another osaava process holds the write lock: wait with a growing pause (10 ms … 100 ms)
        // instead of failing with "database is locked", and say once what we wait for.
        let limit = Int(busyTimeout * 1000)
        configuration.busyMode = .callback { tries in
            if tries == 0 { onWait?() }
            let pause = min(10 * (tries + 1), 100)
            let waited = (0..<tries).reduce(0) { $0 + min(10 * ($1 + 1), 100) }
            guard waited < limit else { return false }
            usleep(useconds_t(pause * 1000))
            return true
        }
        configuration.prepareDatabase { db in
            do {
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL") == "wal" else {
                    throw DatabaseError(message: "could not switch \(path) to write-ahead logging")
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
                // Another process's bulk import holds the database in rollback-journal mode
                // (`BulkJournal`) and a write lock, which the switch needs. This connection goes
                // on in that mode: it reads what is committed, waits (the busy handler) once the
                // import holds the file exclusively, and the next open sets WAL again.
                guard try String.fetchOne(db, sql: "PRAGMA journal_mode") == "delete" else { throw error }
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            let store = ResponseStore(queue: queue, path: path)
            try store.migrate(onUpgrade: onUpgrade)
            return store
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    /// A fresh in-memory database, for tests.
    package static func inMemory() throws -> ResponseStore {
        let store = ResponseStore(queue: try DatabaseQueue(), path: ":memory:")
        try store.migrate()
        return store
    }

    private func migrate(onUpgrade: (([String]) -> Void)? = nil) throws {
        let migrator = Schema.migrator
        let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
        let known = Set(migrator.migrations)
        if let unknown = applied.first(where: { !known.contains($0) }) {
            throw StoreError.newerSchema(path: path, migration: unknown)
        }
        let pending = migrator.migrations.filter { !applied.contains($0) }
        guard !pending.isEmpty else { return }
        guard !applied.isEmpty else { return try run(migrator, after: applied) }
        // An upgrade of a database with data: a migration may make a large table again, whose
        // pages then go through a rollback journal rather than the WAL (`BulkJournal`).
        onUpgrade?(pending)
        let switched = queue.inDatabase { db in BulkJournal.leaveWAL(db) }
        defer { if switched { queue.inDatabase { db in BulkJournal.restore(db) } } }
        try run(migrator, after: applied)
    }

    /// Runs the migrations not applied yet. Another process may be migrating the same file at the
    /// same moment (two imports starting into a new database): GRDB reads which migrations are
    /// pending before it takes the write lock for each, so the later process can run one the
    /// first has just applied; that one fails and rolls back. Then what is applied is read again
    /// and the rest run. A failure while no other process moved the schema on is a real one.
    private func run(_ migrator: DatabaseMigrator, after applied: Set<String>) throws {
        var applied = applied
        while true {
            do {
                return try migrator.migrate(queue)
            } catch {
                let now = try queue.read { db in try migrator.appliedIdentifiers(db) }
                guard now.count > applied.count else { throw error }
                applied = now
            }
        }
    }

    /// Runs a write in one transaction, translating SQLite errors.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.write(body) } catch { throw StoreError.translate(error, path: path) }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try queue.read(body) } catch { throw StoreError.translate(error, path: path) }
    }

    // MARK: - Metadata

    package func setMeta(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    /// The connection's `journal_mode` and `synchronous` settings, as SQLite reports them.
    package func durability() throws -> (journalMode: String, synchronous: Int) {
        try read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "",
                try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1
            )
        }
    }

    package func meta(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }
}
