import GRDB

/// The journal of a bulk import. In WAL mode every page of a large transaction is written twice,
/// to the WAL and then by the checkpoint into the database (at ten million needs that is 1.6 GB
/// twice and 12 s of the kernel's time); a rollback journal keeps only the original content of
/// the pages the import changes, and a page the import adds to the file is written once. The
/// import is as durable either way (`synchronous = FULL`; a crash leaves a hot journal that the
/// next open rolls back). The cost: once the import's pages spill from the cache, readers in
/// other processes wait for the commit instead of reading the snapshot before it.
enum BulkJournal {
    /// Switches the connection to a rollback journal when the import is expected to bring more
    /// needs than are stored (`NeedIndex`'s rule) and this connection is the only one; true when
    /// it did. Outside any transaction, as SQLite requires.
    static func switchIfWorthIt(_ db: Database, expectedNeeds: Int) throws -> Bool {
        guard try NeedIndex.isBulk(db, expectedNeeds: expectedNeeds) else { return false }
        return leaveWAL(db)
    }

    /// Switches a WAL connection to a rollback journal when it is the only one; true when it did.
    /// Another connection with the database open keeps it in WAL mode: SQLite refuses the switch
    /// (busy), and the work goes on in WAL.
    static func leaveWAL(_ db: Database) -> Bool {
        guard (try? String.fetchOne(db, sql: "PRAGMA journal_mode")) == "wal" else { return false }
        return (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete"
    }

    /// Back to write-ahead logging after the import. Should this fail, the next open sets it.
    static func restore(_ db: Database) {
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
    }
}
