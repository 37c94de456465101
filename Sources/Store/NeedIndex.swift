import Foundation
import GRDB

/// The indexes on needs, dropped and built again inside one import's transaction when the import
/// brings more needs than are stored: building sorts the entries once, where inserting them one
/// by one costs a page lookup and often a page split each.
struct NeedIndex: Sendable {
    let name: String
    /// The index exactly as its migration created it, so that the schema reads the same after.
    let definition: String
    /// Whether the import may drop it only into a database without responses. The key: a response
    /// that an import replaces has its needs found by it (`UPDATE need … WHERE response_id = ?`),
    /// and an import into a database without responses replaces none (a response may have no
    /// needs, so an empty need table is not enough).
    let onlyWithoutResponses: Bool

    /// The need table's key (migration `v5-need-key-index`).
    static let key = NeedIndex(
        name: "need_key",
        definition: #"CREATE UNIQUE INDEX "need_key" ON "need"("response_id", "version", "ordinal")"#,
        onlyWithoutResponses: true)
    /// Current needs by region and skill (migration `v6-partial-need-current`).
    static let current = NeedIndex(
        name: "need_current",
        definition: #"CREATE INDEX "need_current" ON "need"("region", "skill") WHERE "is_current""#,
        onlyWithoutResponses: false)

    /// Below this many needs an import inserts index entries as it goes (rebuilding costs a scan).
    static let threshold = 50_000

    /// Drops the indexes worth building after the rows, when `expectedNeeds` is a bulk import's;
    /// returns those dropped (to be built again before the commit).
    static func deferIfWorthIt(_ db: Database, expectedNeeds: Int) throws -> [NeedIndex] {
        guard try isBulk(db, expectedNeeds: expectedNeeds) else { return [] }
        let empty = try Bool.fetchOne(db, sql: "SELECT NOT EXISTS (SELECT 1 FROM response)") ?? false
        var dropped: [NeedIndex] = []
        for index in [key, current] where empty || !index.onlyWithoutResponses {
            guard
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", arguments: [index.name])
                    == true
            else { continue }
            try db.execute(sql: "DROP INDEX \(index.name)")
            dropped.append(index)
        }
        return dropped
    }

    /// True when `expectedNeeds` is at least the threshold and more than the table holds.
    static func isBulk(_ db: Database, expectedNeeds: Int) throws -> Bool {
        guard expectedNeeds >= threshold else { return false }
        // The largest rowid bounds the stored rows without counting them.
        let stored = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM need") ?? 0
        return expectedNeeds > stored
    }

    /// Builds the indexes again, each sort spread over the machine's cores (SQLite's sorter threads).
    static func rebuild(_ db: Database, _ indexes: [NeedIndex]) throws {
        guard !indexes.isEmpty else { return }
        let threads = max(ProcessInfo.processInfo.activeProcessorCount, 1)
        try db.execute(sql: "PRAGMA threads = \(threads)")
        defer { try? db.execute(sql: "PRAGMA threads = 0") }
        for index in indexes { try db.execute(sql: index.definition) }
    }
}
