import Catalog
import Foundation
import GRDB
import Testing

@testable import Store

/// `RollupSnapshot` reads the maintained rollups straight from the file: the same cells the store
/// reads, and nil (the caller then opens the store) for every database the store would first
/// have to migrate, catch up, rebuild, wait for or explain.
@Suite struct RollupSnapshotTests {
    static let definition = SeededResponses.definition
    static let groupings = SeededResponses.definition.groupings

    /// A database file holding random responses with maintained rollups, its store closed.
    static func database(seed: UInt64) throws -> (path: String, folder: URL, store: ResponseStore) {
        var random = SeededGenerator(seed: seed)
        let (path, folder) = try Fixtures.temporaryDatabase()
        let store = try ResponseStore.open(path: path)
        try store.rebuildRollups(definition)
        for organisation in 0..<10 {
            for round in SeededResponses.rounds where Bool.random(using: &random) {
                let response = SeededResponses.response(&random, organisation: organisation, round: round)
                _ = try store.insert([response], source: "test", now: Fixtures.now, policy: .incoming)
            }
        }
        return (path, folder, store)
    }

    static func snapshot(_ path: String, _ definition: RollupDefinition = definition) -> Set<RollupTests.Cell>? {
        RollupSnapshot.cells(path: path, definition, groupings: groupings).map(RollupTests.cells)
    }

    /// How many cells the snapshot read, nil when it declined (a short message when a test fails).
    static func count(_ path: String, _ definition: RollupDefinition = definition) -> Int? {
        RollupSnapshot.cells(path: path, definition, groupings: groupings)?.count
    }

    @Test func theMigrationsListedAreThoseTheMigratorRuns() {
        #expect(Schema.identifiers == Schema.migrator.migrations)
    }

    @Test(arguments: [21, 22, 23] as [UInt64])
    func theSnapshotReadsTheCellsTheStoreReads(seed: UInt64) throws {
        // Given a database with maintained rollups, its store closed
        let (path, folder, store) = try Self.database(seed: seed)
        defer { try? FileManager.default.removeItem(at: folder) }
        let stored = RollupTests.cells(try store.rollupCells(Self.definition, groupings: Self.groupings))
        try store.close()

        // When the snapshot reads it, Then it reads the same cells (and there are some)
        #expect(!stored.isEmpty)
        #expect(Self.snapshot(path) == stored)
        // And it leaves no WAL or shared-memory file behind
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(!FileManager.default.fileExists(atPath: path + "-shm"))
    }

    @Test func theSnapshotSeesWhatAnotherConnectionHasCommittedToTheWAL() throws {
        // Given a store still open, whose last commit is in the WAL, not yet in the file
        let (path, folder, store) = try Self.database(seed: 24)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = Self.snapshot(path)
        var random = SeededGenerator(seed: 25)
        let response = SeededResponses.response(&random, organisation: 77, round: "2027")
        _ = try store.insert([response], source: "test", now: Fixtures.now, policy: .incoming)
        let wal = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0
        #expect(wal > 0)

        // Then the snapshot reads the cells the store reads, the new response's included
        let stored = RollupTests.cells(try store.rollupCells(Self.definition, groupings: Self.groupings))
        #expect(Self.snapshot(path) == stored)
        #expect(before != stored)
        try store.close()
    }

    @Test func theSnapshotDeclinesAMissingFileOrOneThatIsNotADatabase() throws {
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(Self.count(path) == nil)
        #expect(!FileManager.default.fileExists(atPath: path))

        let text = Data("region,skill\nkokkola,CELL01\n".utf8)
        try text.write(to: URL(fileURLWithPath: path))
        #expect(Self.count(path) == nil)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == text)
    }

    @Test func theSnapshotDeclinesRollupsThatAreStaleOrOfAnotherDefinitionOrWaitingResponses() throws {
        // Given a current database, which the snapshot reads
        let (path, folder, store) = try Self.database(seed: 26)
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.close()
        #expect(Self.count(path) != nil)

        // Then another definition (a skill moved to another group) is not read from these rollups
        var moved = Self.definition
        moved.skillGroups["RAW04"] = "CELL"
        #expect(Self.count(path, moved) == nil)

        // And neither are rollups marked stale, nor rollups a queued response has not reached
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try RollupStore.markStale(db) }
        #expect(Self.count(path) == nil)
        try queue.write { db in try db.execute(sql: "DELETE FROM meta WHERE key = 'rollup-stale'") }
        #expect(Self.count(path) != nil)
        try queue.write { db in
            try db.execute(
                sql: "INSERT INTO need_pending(response_id, version) SELECT id, version FROM response LIMIT 1")
        }
        #expect(Self.count(path) == nil)
        try queue.close()
    }

    @Test func theSnapshotDeclinesADatabaseOfAnotherSchema() throws {
        // Given a database of an earlier schema, and one that a later version of Osaava migrated
        let (older, olderFolder) = try NeedKeyMigrationTests.database(
            upTo: "v4-content-hash-2", holding: [Fixtures.response("r1")])
        defer { try? FileManager.default.removeItem(at: olderFolder) }
        let (newer, newerFolder, store) = try Self.database(seed: 27)
        defer { try? FileManager.default.removeItem(at: newerFolder) }
        try store.close()
        let queue = try DatabaseQueue(path: newer)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99-from-the-future')") }
        try queue.close()

        // Then neither is read: the store migrates the one and refuses the other
        #expect(Self.count(older) == nil)
        #expect(Self.count(newer) == nil)
    }

    @Test func theSnapshotDoesNotWaitForAWriterHoldingTheFile() throws {
        // Given a database that another connection holds exclusively
        let (path, folder, store) = try Self.database(seed: 28)
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.close()
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "BEGIN EXCLUSIVE")
            try db.execute(sql: "DELETE FROM meta WHERE key = 'nothing'")

            // Then the snapshot declines at once (the store waits and says so)
            let started = Date()
            #expect(Self.count(path) == nil)
            #expect(Date().timeIntervalSince(started) < 5)
            try db.execute(sql: "ROLLBACK")
        }
        try queue.close()
    }

    @Test func theSnapshotDeclinesADatabaseLeftInRollbackJournalMode() throws {
        // Given a current database that an interrupted bulk import left in rollback-journal mode
        let (path, folder, store) = try Self.database(seed: 29)
        defer { try? FileManager.default.removeItem(at: folder) }
        try store.close()
        #expect(Self.count(path) != nil)
        let queue = try DatabaseQueue(path: path)
        try queue.inDatabase { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        try queue.close()

        // Then the snapshot leaves it to the store, which sets write-ahead logging again
        #expect(Self.count(path) == nil)
        try ResponseStore.open(path: path).close()
        #expect(Self.count(path) != nil)
    }
}
