import Catalog
import Foundation
import GRDB

/// What merging a coordinator's database did.
package struct MergeReport: Sendable, Equatable {
    package var responses = ImportReport()
    /// Responses whose newer version is already here (the coordinator had an older one).
    package var keptNewer: [String] = []
    /// Organisations erased here because the coordinator had erased them.
    package var erased: [ErasureReport] = []
    /// The other database's catalogue fingerprint, when it differs from ours.
    package var otherCatalog: String?
}

extension ResponseStore {
    /// Brings the responses of another Osaava database into this one, in one transaction, by the
    /// same rule as an import. The other file is never modified or migrated: it is read from a
    /// copy (opening a WAL database needs write access to its -shm). Versions are counted, not
    /// compared by clock: if the other's history contains our current version, theirs is newer
    /// (a new version here); if ours contains theirs, ours is newer (kept); else a conflict.
    /// Tombstones travel both ways: an organisation erased in either database stays erased.
    /// `deriveAnswers` (from the catalogue) lets a response with derived answers equal the same
    /// response with those answers kept.
    package func merge(
        from otherPath: String, policy: ConflictPolicy, dryRun: Bool, now: String,
        deriveAnswers: AnswerDeriver? = nil
    ) throws -> MergeReport {
        let copy = try Self.copyForReading(otherPath)
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        let other = try Self.readOther(copy.path, displayPath: otherPath)
        let ourCatalog = try meta("catalog-fingerprint")
        do {
            var report = MergeReport()
            if let theirs = other.catalog, let ours = ourCatalog, theirs != ours { report.otherCatalog = theirs }
            try queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    for hash in other.tombstones {
                        try Self.applyTombstone(db, hash: hash, now: now, into: &report)
                    }
                    let writer = ResponseWriter(db: db, deriveAnswers: deriveAnswers)
                    for stored in other.responses {
                        let response = stored.response
                        let entry = ImportReport.Entry(id: response.id, line: nil)
                        let history = try String.fetchAll(
                            db, sql: "SELECT content_hash FROM response WHERE id = ? ORDER BY version",
                            arguments: [response.id])
                        let theirs = other.history[response.id] ?? []
                        var rule = policy
                        if let current = history.last, let incoming = theirs.last, current != incoming {
                            if theirs.dropLast().contains(current) {
                                rule = .incoming
                            } else if history.dropLast().contains(incoming) {
                                report.keptNewer.append(response.id)
                                report.responses.unchanged.append(entry)
                                continue
                            }
                        }
                        switch try writer.write(
                            response, source: "merge", now: now, policy: rule, origin: (otherPath, nil))
                        {
                        case .inserted: report.responses.inserted.append(entry)
                        case .unchanged: report.responses.unchanged.append(entry)
                        case .newVersion: report.responses.updated.append(entry)
                        case .conflict: report.responses.conflicts.append(entry)
                        case .erased: report.responses.erased.append(entry)
                        }
                    }
                    try writer.finish()
                    let keep =
                        !dryRun && report.responses.conflicts.isEmpty
                        && (report.responses.changes > 0 || !report.erased.isEmpty)
                    report.responses.committed = keep
                    return keep ? .commit : .rollback
                }
            }
            if report.responses.committed && !report.erased.isEmpty { try checkpoint() }
            return report
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    /// Erases here any organisation whose identity hashes to `hash`, and keeps the tombstone.
    private static func applyTombstone(_ db: Database, hash: String, now: String, into report: inout MergeReport)
        throws
    {
        for row in try Row.fetchAll(db, sql: "SELECT id, key, name FROM organisation") {
            let key: String = row["key"]
            guard Tombstone.hash(key) == hash else { continue }
            var erasure = ErasureReport(pseudonym: "")
            try erase(db, organisation: row["id"], key: key, name: row["name"], now: now, into: &erasure)
            report.erased.append(erasure)
        }
        try db.execute(sql: "INSERT OR IGNORE INTO tombstone(hash, erased_at) VALUES (?, ?)", arguments: [hash, now])
    }

    /// Copies the database and its WAL into a private temporary folder.
    private static func copyForReading(_ path: String) throws -> URL {
        let manager = FileManager.default
        guard manager.fileExists(atPath: path) else {
            throw StoreError.cannotCreate(path: path, reason: "no such file")
        }
        let folder = manager.temporaryDirectory.appendingPathComponent("osaava-merge-" + UUID().uuidString)
        try manager.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let copy = folder.appendingPathComponent("other.sqlite")
        try manager.copyItem(atPath: path, toPath: copy.path)
        if manager.fileExists(atPath: path + "-wal") {
            try manager.copyItem(atPath: path + "-wal", toPath: copy.path + "-wal")
        }
        return copy
    }

    private struct OtherDatabase {
        var responses: [StoredResponse]
        var history: [String: [String]]
        var tombstones: [String]
        var catalog: String?
    }

    private static func readOther(_ path: String, displayPath: String) throws -> OtherDatabase {
        do {
            let queue = try DatabaseQueue(path: path)
            return try queue.read { db in
                guard try db.tableExists("response"), try db.tableExists("grdb_migrations") else {
                    throw StoreError.notOsaava(path: displayPath)
                }
                let known = Set(Schema.migrator.migrations)
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                if let newer = applied.first(where: { !known.contains($0) }) {
                    throw StoreError.newerSchema(path: displayPath, migration: newer)
                }
                // A database older than `v4-content-hash-2` is read as that migration would leave
                // it: its needs CSV imports have derived answers, and every version is hashed again.
                let legacy = try !db.columns(in: "response").contains { $0.name == "answers_derived" }
                func migrated(_ response: SurveyResponse, source: String) -> SurveyResponse {
                    guard legacy, source == "import:osaava" else { return response }
                    var response = response
                    response.answers = []
                    response.answersDerived = true
                    return response
                }
                var history: [String: [String]] = [:]
                for row in try Row.fetchAll(
                    db, sql: "SELECT id, version, content_hash, source FROM response ORDER BY id, version")
                {
                    let id: String = row[0]
                    var hash: String = row[2]
                    if legacy || !ContentHash.isCurrent(hash),
                        let stored = try storedVersion(db, id: id, version: row[1])
                    {
                        hash = ContentHash.of(migrated(stored, source: row[3]))
                    }
                    history[id, default: []].append(hash)
                }
                let responses = try currentResponses(db).map { stored in
                    var stored = stored
                    stored.response = migrated(stored.response, source: stored.source)
                    return stored
                }
                return OtherDatabase(
                    responses: responses, history: history,
                    tombstones: try String.fetchAll(db, sql: "SELECT hash FROM tombstone ORDER BY hash"),
                    catalog: try db.tableExists("meta")
                        ? String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'catalog-fingerprint'") : nil)
            }
        } catch {
            throw StoreError.translate(error, path: displayPath)
        }
    }
}
