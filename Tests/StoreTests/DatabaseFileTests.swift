import Catalog
import Foundation
import Store
import Synchronization
import Testing

@Suite struct DatabaseFileTests {
    @Test func databaseFilesAreCreatedWithMode0600InWALMode() throws {
        // Given a path where no database exists
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }

        // When the store is opened and a response written
        var upgrades: [String] = []
        let store = try ResponseStore.open(path: path, onUpgrade: { upgrades += $0 })
        _ = try store.insert([Fixtures.response("r1")], source: "test", now: Fixtures.now)

        // Then the database, its WAL and its SHM exist, readable by the owner only
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) missing")
            let mode = try Fixtures.mode(file)
            #expect(mode == 0o600, "\(file) has mode \(String(mode, radix: 8))")
        }
        // And the file header says WAL (file format write and read versions 2 at offsets 18 and 19)
        let header = try #require(FileHandle(forReadingAtPath: path)).readData(ofLength: 100)
        #expect(header.prefix(16) == Data("SQLite format 3\0".utf8))
        #expect(header[18] == 2 && header[19] == 2)
        #expect(store.path == path)
        // (a new database is migrated silently: nothing to upgrade)
        #expect(upgrades.isEmpty)
    }

    @Test func reopeningKeepsTheDataAndTheMode() throws {
        // Given a response written to a file and the store released
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let store = try ResponseStore.open(path: path)
            _ = try store.insert([Fixtures.response("r1")], source: "test", now: Fixtures.now)
        }

        // When it is opened again
        let reopened = try ResponseStore.open(path: path)

        // Then the response is there and the file is still private
        #expect(try reopened.responses().map(\.response.id) == ["r1"])
        #expect(try Fixtures.mode(path) == 0o600)
        #expect(try reopened.status().migrations.first == "v1-responses-drafts")
    }

    @Test func everyConnectionIsWALWithFullSynchronousCommits() throws {
        // Given a new database and the same database opened again
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let created = try ResponseStore.open(path: path)
        _ = try created.insert([Fixtures.response("r1")], source: "test", now: Fixtures.now)
        let reopened = try ResponseStore.open(path: path)

        // Then both connections log ahead and sync every commit (synchronous = FULL is 2)
        for store in [created, reopened] {
            let durability = try store.durability()
            #expect(durability.journalMode == "wal")
            #expect(durability.synchronous == 2)
        }
    }

    @Test func openingAndReadingWritesNothing() throws {
        // Given a database with a response, closed (its WAL folded into the file)
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let store = try ResponseStore.open(path: path)
            _ = try store.insert([Fixtures.response("r1")], source: "test", now: Fixtures.now)
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        // When it is opened and read
        do {
            let store = try ResponseStore.open(path: path)
            #expect(try store.responses().count == 1)
            // Then nothing was appended to its WAL while open
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            #expect(wal == 0, "the WAL holds \(wal) bytes after a read")
        }

        // And the file is byte for byte the same after it is closed
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aFileThatIsNotADatabaseIsRefusedHelpfully() throws {
        // Given a text file where the database should be
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(String(repeating: "this is not a database\n", count: 50).utf8).write(to: URL(fileURLWithPath: path))

        // When it is opened
        // Then the error says so, names the file and the way out
        do {
            _ = try ResponseStore.open(path: path)
            Issue.record("a text file opened as a database")
        } catch let error as StoreError {
            guard case .notADatabase(let named) = error else {
                Issue.record("expected notADatabase, got \(error)")
                return
            }
            #expect(named == path)
            #expect(error.description.contains("\(path) is not an Osaava database"))
            #expect(error.description.contains("--db"))
        }
        // And the file is left as it was
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("this is not a database"))
    }

    @Test func aMissingFolderIsReported() throws {
        // Given a path inside a folder that does not exist
        let (_, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("missing/osaava.sqlite").path

        // Then opening says the folder is missing
        #expect(throws: StoreError.self) { try ResponseStore.open(path: path) }
        do {
            _ = try ResponseStore.open(path: path)
        } catch {
            #expect("\(error)".contains("no such folder"))
            #expect("\(error)".contains("--db"))
        }
    }

    @Test func twoStoresOnOneFileWriteOneAfterTheOther() throws {
        // Given two stores open on one file
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = try ResponseStore.open(path: path)
        let second = try ResponseStore.open(path: path)

        // When each writes in turn
        _ = try first.insert([Fixtures.response("r1", organisation: "A")], source: "test", now: Fixtures.now)
        _ = try second.insert([Fixtures.response("r2", organisation: "B")], source: "test", now: Fixtures.now)
        let draft = try first.createDraft(survey: "s", language: "fi", now: Fixtures.now)
        try second.saveDraft(draft, answers: [Answer(key: "org_name", value: "C")], now: Fixtures.now)

        // Then both see everything
        #expect(try first.responses().map(\.response.id) == ["r1", "r2"])
        #expect(try second.responses().map(\.response.id) == ["r1", "r2"])
        #expect(try first.draft(draft).answers == [Answer(key: "org_name", value: "C")])
    }

    @Test func twoStoresOnOneFileWriteConcurrentlyWithoutLockErrors() throws {
        // Given two stores open on one file
        let (path, folder) = try Fixtures.temporaryDatabase()
        defer { try? FileManager.default.removeItem(at: folder) }
        let stores = [try ResponseStore.open(path: path), try ResponseStore.open(path: path)]
        let errors = Mutex<[String]>([])

        // When two threads each write 25 responses, one transaction each, at the same time
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            for number in 0..<25 {
                do {
                    let id = "w\(worker)-\(number)"
                    _ = try stores[worker].insert(
                        [Fixtures.response(id, organisation: "Org \(id)")], source: "test", now: Fixtures.now)
                    _ = try stores[1 - worker].responses()
                } catch {
                    errors.withLock { $0.append("\(error)") }
                }
            }
        }

        // Then none failed with "locked", and every response is there once
        #expect(errors.withLock { $0 } == [])
        #expect(try stores[0].responses().count == 50)
        #expect(try stores[1].status().organisations == 50)
    }

    @Test func connectionsOpeningOneNewDatabaseAtOnceAllSucceed() throws {
        for round in 0..<25 {
            // Given a path where no database exists, and four connections opening it at the same moment
            // (two imports and an interview starting together into a new central database)
            let (path, folder) = try Fixtures.temporaryDatabase()
            defer { try? FileManager.default.removeItem(at: folder) }
            let failures = Mutex<[String]>([])
            let start = DispatchSemaphore(value: 0)
            let group = DispatchGroup()
            for connection in 0..<4 {
                group.enter()
                DispatchQueue.global().async {
                    defer { group.leave() }
                    start.wait()
                    // (staggered, so that some arrive while the first is between two migrations)
                    usleep(useconds_t(connection * (round % 5 + 1) * 2_000))
                    do {
                        // When each opens it (and so migrates it)
                        let store = try ResponseStore.open(path: path)
                        _ = try store.status()
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            for _ in 0..<4 { start.signal() }
            group.wait()

            // Then every opening succeeded, and the schema is complete once
            #expect(failures.withLock { $0 }.isEmpty, "round \(round)")
            let store = try ResponseStore.open(path: path)
            let migrations = try store.status().migrations
            #expect(migrations.count == Set(migrations).count && migrations.last == "v6-partial-need-current")
        }
    }
}
