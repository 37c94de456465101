import Catalog

/// The maintained rollups read straight from the file (`SQLiteReader`), for a command that only
/// reads them and exits: a small `analyze` then answers without setting up the store.
///
/// Only a database as the store would leave it after opening is read this way: in write-ahead
/// logging (the store sets it again on a file an interrupted bulk import left in rollback-journal
/// mode), every migration of this version applied and none unknown, no response waiting to be
/// packed, the rollups not stale and following `definition`. Anything else (a missing or older
/// file, a busy one, stale rollups, an error) is nil, and the caller goes through the store,
/// which migrates, waits, catches up or rebuilds, and explains errors.
package enum RollupSnapshot {
    package static func cells(path: String, _ definition: RollupDefinition, groupings: [[String]]) -> [RollupCell]? {
        guard let stored = try? RollupPlan.storedForm(definition), let reader = try? SQLiteReader(path: path) else {
            return nil
        }
        do {
            // One read transaction: the checks and the cells see the same commit.
            try reader.forEachRow("BEGIN") { _ in }
            defer { try? reader.forEachRow("COMMIT") { _ in } }
            guard try reader.text("PRAGMA journal_mode") == "wal" else { return nil }
            var applied: [String] = []
            try reader.forEachRow("SELECT identifier FROM grdb_migrations") { applied.append($0.text(0)) }
            guard applied.sorted() == Schema.identifiers.sorted(),
                try reader.text("SELECT EXISTS (SELECT 1 FROM need_pending)") == "0",
                try reader.text("SELECT value FROM meta WHERE key = 'rollup-stale'") == nil,
                try reader.text("SELECT value FROM meta WHERE key = 'rollup-definition'") == stored
            else { return nil }
            return try RollupStore.cells(
                reader, definition, groupings: RollupStore.indices(of: groupings, in: definition))
        } catch {
            return nil
        }
    }
}
