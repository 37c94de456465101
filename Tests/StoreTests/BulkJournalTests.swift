import Catalog
import Foundation
import Store
import Testing

/// A bulk import writes its pages through a rollback journal (once into the file, not into the
/// WAL and again by the checkpoint) and leaves the database in WAL mode; a small one, or one
/// while another connection has the database open, stays in WAL throughout.
@Suite struct BulkJournalTests {
    /// A database file holding response r1, and the folder to delete afterwards.
    private func databaseWithOneResponse() throws -> (store: ResponseStore, path: String, folder: URL) {
        let (path, folder) = try Fixtures.temporaryDatabase()
        let store = try ResponseStore.open(path: path)
        _ = try store.insert([Fixtures.response("r1")], source: "test", now: Fixtures.now)
        return (store, path, folder)
    }

    /// Imports two responses announced as `expectedNeeds` and says, from inside the transaction,
    /// whether SQLite wrote a rollback journal and how large the WAL was.
    private func importObservingJournal(
        _ store: ResponseStore, path: String, expectedNeeds: Int
    ) throws -> (rollbackJournal: Bool, walBytes: Int, report: ImportReport) {
        var rollbackJournal = false
        var walBytes = 0
        let report = try store.importResponses(
            policy: .report, dryRun: false, now: Fixtures.now, expectedNeeds: expectedNeeds
        ) { session in
            for id in ["bulk-1", "bulk-2"] {
                try session.write(IncomingResponse(response: Fixtures.response(id), source: "import:test"))
            }
            rollbackJournal = FileManager.default.fileExists(atPath: path + "-journal")
            walBytes = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        }
        return (rollbackJournal, walBytes, report)
    }

    @Test func aBulkImportUsesARollbackJournalAndLeavesWAL() throws {
        // Given a database holding one response
        let (store, path, folder) = try databaseWithOneResponse()
        defer { try? FileManager.default.removeItem(at: folder) }

        // When an import announces far more needs than are stored
        let seen = try importObservingJournal(store, path: path, expectedNeeds: 1_000_000)

        // Then its pages went through a rollback journal, and afterwards the database is in WAL
        // mode with synchronous FULL again, holding all three responses
        #expect(seen.rollbackJournal)
        #expect(seen.report.committed && seen.report.inserted.count == 2)
        let durability = try store.durability()
        #expect(durability.journalMode == "wal" && durability.synchronous == 2)
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        let ids = try ResponseStore.open(path: path).responses().map(\.response.id).sorted()
        #expect(ids == ["bulk-1", "bulk-2", "r1"])
    }

    @Test func aSmallImportStaysInWAL() throws {
        // Given a database holding one response
        let (store, path, folder) = try databaseWithOneResponse()
        defer { try? FileManager.default.removeItem(at: folder) }

        // When an import announces a few needs
        let seen = try importObservingJournal(store, path: path, expectedNeeds: 10)

        // Then no rollback journal was written: the pages went to the WAL
        #expect(!seen.rollbackJournal)
        #expect(seen.walBytes > 0)
        #expect(seen.report.committed)
    }

    @Test func aBulkImportWhileAnotherConnectionIsOpenStaysInWAL() throws {
        // Given a database that another connection has open (and has read)
        let (store, path, folder) = try databaseWithOneResponse()
        defer { try? FileManager.default.removeItem(at: folder) }
        let reader = try ResponseStore.open(path: path)
        #expect(try reader.responses().count == 1)

        // When a bulk import runs
        let seen = try importObservingJournal(store, path: path, expectedNeeds: 1_000_000)

        // Then it stays in WAL (SQLite refuses to leave WAL while another connection has it open),
        // and the reader sees the import once committed
        #expect(!seen.rollbackJournal)
        #expect(seen.walBytes > 0)
        #expect(seen.report.committed)
        #expect(try reader.responses().count == 3)
        #expect(try store.durability().journalMode == "wal")
    }

    @Test func aBulkImportIntoAnEmptyTableBuildsTheNeedIndexesAgain() throws {
        // Given a new database
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try ResponseStore.open(path: path)

        // When a bulk import (its key and need_current dropped and built by a sort) writes into it
        let seen = try importObservingJournal(store, path: path, expectedNeeds: 1_000_000)
        #expect(seen.report.committed)

        // Then both indexes are there again, consistent with the table, and the key still finds a
        // response's needs: importing the same responses again changes nothing
        let indexes = try OsaavaSQL.rows(path, "SELECT name FROM pragma_index_list('need') ORDER BY name")
        #expect(indexes == ["need_current", "need_key"])
        #expect(try OsaavaSQL.rows(path, "PRAGMA integrity_check") == ["ok"])
        let again = try importObservingJournal(store, path: path, expectedNeeds: 10)
        #expect(again.report.unchanged.count == 2 && !again.report.committed)
    }

    @Test func anotherProcessOpeningDuringABulkImportReadsWhatIsCommitted() throws {
        // Given a database holding one response, and a bulk import under way (rollback journal,
        // its write lock held)
        let (store, path, folder) = try databaseWithOneResponse()
        defer { try? FileManager.default.removeItem(at: folder) }
        var seenDuring: [String] = []
        var openedDuring = false
        let report = try store.importResponses(
            policy: .report, dryRun: false, now: Fixtures.now, expectedNeeds: 1_000_000
        ) { session in
            try session.write(IncomingResponse(response: Fixtures.response("bulk-1"), source: "import:test"))
            #expect(FileManager.default.fileExists(atPath: path + "-journal"))

            // When another connection opens the database (it cannot switch it to WAL meanwhile)
            let reader = try ResponseStore.open(path: path, busyTimeout: 1)
            openedDuring = true
            seenDuring = try reader.responses().map(\.response.id)
        }

        // Then it opened and read the committed response only; after the commit all is there
        #expect(openedDuring)
        #expect(seenDuring == ["r1"])
        #expect(report.committed)
        let ids = try ResponseStore.open(path: path).responses().map(\.response.id).sorted()
        #expect(ids == ["bulk-1", "r1"])
    }
}
