import Catalog
import Foundation
import GRDB
import Testing

@testable import Store

/// Migration `v5-need-key-index` makes the need table again with its key as a unique index (and
/// `v6-partial-need-current` makes its current-needs index partial): a
/// database written before it keeps every need (and its rowid), its uniqueness and its cascade.
@Suite struct NeedKeyMigrationTests {
    /// A database migrated up to `migration`, holding `responses` written by the writer of the time.
    static func database(upTo migration: String, holding responses: [SurveyResponse]) throws -> (String, URL) {
        let (path, folder) = try Fixtures.temporaryDatabase()
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            let writer = ResponseWriter(db: db)
            for response in responses { _ = try writer.write(response, source: "test", now: Fixtures.now) }
            try writer.finish()
        }
        return (path, folder)
    }

    @Test func aDatabaseFromBeforeKeepsItsNeedsTheirKeyAndTheirCascade() throws {
        // Given a database migrated up to v4, holding two responses written by the writer of the time
        let (path, folder) = try Self.database(
            upTo: "v4-content-hash-2",
            holding: [
                Fixtures.response("r1", needs: [Fixtures.need("CELL02"), Fixtures.need("RAW04", people: 5)]),
                Fixtures.response("r2", organisation: "Muu Oy"),
            ])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try DatabaseQueue(path: path).read { db in try db.primaryKey("need").columns }
                == ["response_id", "version", "ordinal"])
        let before = try OsaavaSQL.rows(
            path, "SELECT rowid, response_id, ordinal, skill, people FROM need ORDER BY rowid")

        // When it is opened (and so migrated)
        var upgrades: [String] = []
        let store = try ResponseStore.open(path: path, onUpgrade: { upgrades += $0 })

        // Then every need is there with its rowid, the key is a unique index, need_current is there
        #expect(
            try OsaavaSQL.rows(path, "SELECT rowid, response_id, ordinal, skill, people FROM need ORDER BY rowid")
                == before)
        #expect(before.count == 3)
        let indexes = try OsaavaSQL.rows(
            path, "SELECT name || ':' || \"unique\" FROM pragma_index_list('need') ORDER BY name")
        #expect(indexes == ["need_current:0", "need_key:1"])
        #expect(try store.status().migrations.suffix(2) == ["v5-need-key-index", "v6-partial-need-current"])

        // And the user was told of the upgrade, which left the database in WAL mode; the next
        // opening has nothing to upgrade
        #expect(upgrades == ["v5-need-key-index", "v6-partial-need-current"])
        #expect(try store.durability().journalMode == "wal")
        var later: [String] = []
        _ = try ResponseStore.open(path: path, onUpgrade: { later += $0 })
        #expect(later.isEmpty)

        // And a duplicate key is refused, and erasing an organisation still takes its needs with it
        #expect(throws: (any Error).self) {
            try store.queue.write { db in
                try db.execute(
                    sql: "INSERT INTO need SELECT * FROM need WHERE response_id = 'r1' AND ordinal = 0")
            }
        }
        _ = try store.eraseOrganisation("Muu Oy", region: nil, now: Fixtures.now)
        #expect(try OsaavaSQL.rows(path, "SELECT DISTINCT response_id FROM need") == ["r1"])
    }

    @Test func currentNeedsByRegionAndSkillAreAPartialIndexThatQueriesOfCurrentNeedsUse() throws {
        // Given a database from before v6, holding needs
        let (path, folder) = try Self.database(
            upTo: "v5-need-key-index",
            holding: [Fixtures.response("r1", needs: [Fixtures.need("CELL02"), Fixtures.need("RAW04", people: 5)])])
        defer { try? FileManager.default.removeItem(at: folder) }

        // When it is opened (and so migrated)
        _ = try ResponseStore.open(path: path)

        // Then need_current holds region and skill of the current needs only
        #expect(
            try OsaavaSQL.rows(path, "SELECT sql FROM sqlite_master WHERE name = 'need_current'")
                == [NeedIndex.current.definition])
        #expect(try OsaavaSQL.rows(path, "SELECT name FROM pragma_index_info('need_current')") == ["region", "skill"])

        // And SQLite answers from it the count of current needs and an analyst's ad hoc question
        // by region and skill
        for query in [
            "SELECT count(*) FROM need WHERE is_current",
            "SELECT sum(people) FROM need WHERE is_current AND region = 'KOK' AND skill = 'CELL02'",
        ] {
            let plan = try OsaavaSQL.rows(path, "EXPLAIN QUERY PLAN " + query).joined(separator: " ")
            #expect(plan.contains("need_current"), "\(query): \(plan)")
        }
        #expect(try OsaavaSQL.rows(path, "SELECT count(*) FROM need WHERE is_current") == ["2"])
    }
}

/// Which need indexes a bulk import drops (and builds again by a sort before its commit).
@Suite struct NeedIndexDeferralTests {
    private func deferred(_ store: ResponseStore, expectedNeeds: Int) throws -> [String] {
        var names: [String] = []
        try store.queue.inDatabase { db in
            try db.inTransaction {
                names = try NeedIndex.deferIfWorthIt(db, expectedNeeds: expectedNeeds).map(\.name)
                return .rollback
            }
        }
        return names
    }

    @Test func intoAnEmptyDatabaseBothAreBuiltAfterTheRows() throws {
        let store = try ResponseStore.inMemory()
        #expect(try deferred(store, expectedNeeds: 1_000_000) == ["need_key", "need_current"])
        #expect(try deferred(store, expectedNeeds: 10).isEmpty)
    }

    @Test func theKeyStaysWhileAnyResponseIsStoredEvenWithoutNeeds() throws {
        // Given a database whose only response has no needs (an import may replace it, and then
        // finds its needs by the key)
        let store = try ResponseStore.inMemory()
        _ = try store.insert([Fixtures.response("r1", needs: [])], source: "test", now: Fixtures.now)

        // Then a bulk import keeps the key and builds only need_current after the rows
        #expect(try deferred(store, expectedNeeds: 1_000_000) == ["need_current"])
    }
}

/// Reads a database with its own connection, each row's columns joined by "|".
enum OsaavaSQL {
    static func rows(_ path: String, _ sql: String) throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { $0.isNull ? "" : "\($0.storage.value ?? "")" }.joined(separator: "|")
            }
        }
    }
}
