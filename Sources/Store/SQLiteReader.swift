import GRDBSQLite

/// One short read of a database file through SQLite's C API alone, without GRDB: for a command
/// that reads a few small tables and exits (`RollupSnapshot`, a small `analyze`). Setting up a
/// GRDB queue (its dispatch queue, functions, collations and authorizer, each a first use of
/// generic types the runtime must look up) was ~0.9 ms of such a command's ~5.5 ms.
///
/// It never creates, writes or waits: a missing file, a busy database or any SQLite error is
/// thrown as `Declined`, and the caller opens the store instead, which explains errors, waits
/// for writers and migrates.
final class SQLiteReader {
    struct Declined: Error {
        let code: Int32
    }

    private var handle: OpaquePointer?

    /// Opens `path` read-write without creating it: a read-only connection would leave the WAL and
    /// its index behind, where the last read-write connection to close checkpoints and removes them
    /// (as the store's does).
    init(path: String) throws {
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE, nil)
        guard code == SQLITE_OK else {
            // SQLite hands back a handle even when opening fails; it is closed here, once
            // (`deinit` runs after a throwing init too, and must not close it again).
            sqlite3_close(handle)
            handle = nil
            throw Declined(code: code)
        }
    }

    deinit { sqlite3_close(handle) }

    /// Runs `sql`, binding `arguments` as integers, and calls `body` with each row.
    func forEachRow(_ sql: String, _ arguments: [Int64] = [], _ body: (Row) throws -> Void) throws {
        var statement: OpaquePointer?
        var code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        defer { sqlite3_finalize(statement) }
        guard code == SQLITE_OK, let statement else { throw Declined(code: code) }
        for (index, value) in arguments.enumerated() { sqlite3_bind_int64(statement, Int32(index + 1), value) }
        while true {
            code = sqlite3_step(statement)
            guard code == SQLITE_ROW else { break }
            try body(Row(statement: statement))
        }
        guard code == SQLITE_DONE else { throw Declined(code: code) }
    }

    /// The first column of the first row, as text (nil when there is no row or it is NULL).
    func text(_ sql: String) throws -> String? {
        var result: String?
        try forEachRow(sql) { row in if result == nil { result = row.optionalText(0) } }
        return result
    }

    /// One row of a statement being stepped; valid only inside `forEachRow`'s body.
    struct Row {
        let statement: OpaquePointer

        func int(_ column: Int32) -> Int {
            Int(sqlite3_column_int64(statement, column))
        }

        func text(_ column: Int32) -> String {
            optionalText(column) ?? ""
        }

        /// Up to the first NUL, as GRDB reads text, so that both paths read the same strings.
        func optionalText(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(statement, column) else { return nil }
            return String(cString: bytes)
        }
    }
}
