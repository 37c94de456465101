import GRDB

/// The journal of a bulk import. In WAL mode every page of a large transaction is written twice,
/// to the WAL and then by the checkpoint into the database (at ten million needs that is 1.6 GB
/// twice and 12 s of the kernel's time); a rollback journal keeps only the original content of
/// the pages the import changes, and a page the import adds to the file is written once. The
/// commit is as durable: `synchronous = EXTRA` while switched, so that the journal's deletion
/// (the commit point) is synced with its folder; a crash leaves a hot journal that the next open
/// rolls back. The cost: another process that opens the database meanwhile reads what is
/// committed until the import's pages spill from its cache, and then waits for the commit (the
/// busy handler, up to its timeout) instead of reading the snapshot before it.
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
        guard (try? String.fetchOne(db, sql: "PRAGMA journal_mode")) == "wal",
            (try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")) == "delete"
        else { return false }
        try? db.execute(sql: "PRAGMA synchronous = EXTRA")
        return true
    }

    /// Back to write-ahead logging (and `synchronous = FULL`) after the import. Should the switch
    /// fail (another connection reads), the next open sets it.
    static func restore(_ db: Database) {
        _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        try? db.execute(sql: "PRAGMA synchronous = FULL")
    }
}
