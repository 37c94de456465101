import Foundation
import GRDB

/// The secondary index on needs (`need_current`, migration `v1-responses-drafts`), dropped and
/// built again inside one import's transaction when the import brings more needs than are
/// stored: building sorts the entries once, where inserting them one by one costs a page lookup
/// and often a page split each.
enum NeedIndex {
    /// The index exactly as the migration created it, so that the schema reads the same after.
    private static let definition = #"CREATE INDEX "need_current" ON "need"("is_current", "region", "skill")"#

    /// Below this many needs an import inserts index entries as it goes (rebuilding costs a scan).
    static let threshold = 50_000

    /// Drops the index when `expectedNeeds` is at least the threshold and more than the table
    /// holds; true when it was dropped (and must be built again before the commit).
    static func deferIfWorthIt(_ db: Database, expectedNeeds: Int) throws -> Bool {
        guard try isBulk(db, expectedNeeds: expectedNeeds),
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'need_current'") == true
        else { return false }
        try db.execute(sql: "DROP INDEX need_current")
        return true
    }

    /// True when `expectedNeeds` is at least the threshold and more than the table holds.
    static func isBulk(_ db: Database, expectedNeeds: Int) throws -> Bool {
        guard expectedNeeds >= threshold else { return false }
        // The largest rowid bounds the stored rows without counting them.
        let stored = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM need") ?? 0
        return expectedNeeds > stored
    }

    /// Builds the index again, its sort spread over the machine's cores (SQLite's sorter threads).
    static func rebuild(_ db: Database) throws {
        let threads = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        try db.execute(sql: "PRAGMA threads = \(threads)")
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        try db.execute(sql: definition)
    }
}
