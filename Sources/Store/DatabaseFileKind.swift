import Foundation

/// What a file at a database path holds, seen without changing it (before the store's open
/// switches it to WAL and migrates it).
enum DatabaseFileKind {
    case missing, empty
    /// An SQLite database with Osaava's migrations table.
    case osaava
    /// An SQLite database without it: another program's.
    case other
    /// Not readable as SQLite now (busy, damaged, not SQLite): the store's open says what it is.
    case unknown

    init(path: String) {
        var status = stat()
        guard stat(path, &status) == 0 else {
            self = .missing
            return
        }
        guard status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else {
            self = status.st_mode & S_IFMT == S_IFREG ? .empty : .unknown
            return
        }
        // A database without tables is as good as empty: another process creating this one has
        // switched it to WAL (which writes its first page) and not yet made the first table.
        var tables = -1
        var migrations = 0
        guard let reader = try? SQLiteReader(path: path),
            (try? reader.forEachRow(
                "SELECT count(*), count(*) FILTER (WHERE name = 'grdb_migrations') FROM sqlite_master WHERE type = 'table'"
            ) { row in
                tables = row.int(0)
                migrations = row.int(1)
            }) != nil, tables >= 0
        else {
            self = .unknown
            return
        }
        self = tables == 0 ? .empty : migrations == 1 ? .osaava : .other
    }
}
