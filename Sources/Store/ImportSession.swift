import Catalog
import GRDB

/// One import's writes, inside the one transaction that makes a file all or nothing. The caller
/// reads its file and hands each response over as soon as it is read (`write`), so that neither
/// the file nor its responses are ever held in memory whole.
///
/// DESIGN.md's rule: the same id with the same content changes nothing; with different content
/// it is a conflict, resolved only by the policy (`.incoming` makes a new version, `.existing`
/// keeps the old); with `.report`, any conflict refuses the whole batch. A dry run, a refused
/// batch or an abandoned one writes nothing at all.
package final class ImportSession {
    private let db: Database
    private let policy: ConflictPolicy
    private let now: String
    private let deriveAnswers: AnswerDeriver?
    private var writer: ResponseWriter
    package private(set) var report = ImportReport()
    /// Nothing of this batch will be kept (a rejected row without `--skip-invalid`): later
    /// responses are not written at all.
    package private(set) var isAbandoned = false
    /// The caller wants to read its file again from the start (`restart`).
    private(set) var restartRequested = false

    init(db: Database, policy: ConflictPolicy, now: String, deriveAnswers: AnswerDeriver?) {
        self.db = db
        self.policy = policy
        self.now = now
        self.deriveAnswers = deriveAnswers
        writer = ResponseWriter(db: db, deriveAnswers: deriveAnswers)
    }

    package func write(_ item: IncomingResponse) throws {
        guard !isAbandoned, !restartRequested else { return }
        let entry = ImportReport.Entry(id: item.response.id, line: item.line)
        switch try writer.write(
            item.response, hash: item.contentHash, source: item.source, now: now, policy: policy,
            origin: (item.file, item.line))
        {
        case .inserted: report.inserted.append(entry)
        case .unchanged: report.unchanged.append(entry)
        case .newVersion: report.updated.append(entry)
        case .conflict: report.conflicts.append(entry)
        case .erased: report.erased.append(entry)
        }
    }

    /// Gives up the batch: nothing is written, whatever follows.
    package func abandon() {
        isAbandoned = true
    }

    /// Undoes everything written so far (the transaction is rolled back and begun again) and
    /// calls the caller's body once more: for a file that must be read again differently (a
    /// response whose rows are not next to each other, known only at the end).
    package func restart() {
        restartRequested = true
    }

    func finish() throws {
        try writer.finish()
    }
}

extension ResponseStore {
    /// Runs `body`, which writes responses through the session, in one transaction that is
    /// committed only when something changed, there is no conflict, and it is neither a dry run
    /// nor abandoned. While it runs the page cache is larger (a large import touches many index
    /// pages). When the import is expected to bring more needs than are stored (`expectedNeeds`),
    /// the indexes on needs are built after the rows (`NeedIndex`: sorting once is cheaper than
    /// inserting millions of entries one by one; readers see the indexes throughout: the change
    /// is inside the transaction), and the pages go through a rollback journal (`BulkJournal`).
    ///
    /// `finishing` is called before the indexes are built and the transaction committed (at ten
    /// million needs ~15 s), so that a progress line can say what is being waited for.
    package func importResponses(
        policy: ConflictPolicy, dryRun: Bool, now: String, deriveAnswers: AnswerDeriver? = nil,
        expectedNeeds: Int = 0, finishing: (() -> Void)? = nil, _ body: (ImportSession) throws -> Void
    ) throws -> ImportReport {
        do {
            return try queue.writeWithoutTransaction { db in
                let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
                try db.execute(sql: "PRAGMA cache_size = \(Self.importCacheSize)")
                defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
                // The writer inserts each response before its needs, in this transaction, and an
                // import deletes nothing: SQLite's look-up of every need's parent response is
                // redundant here (~0.4 µs a need, 4 s of a ten-million-need import). The pragma
                // only takes effect outside a transaction, hence here.
                let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? true
                try db.execute(sql: "PRAGMA foreign_keys = OFF")
                defer { try? db.execute(sql: "PRAGMA foreign_keys = \(foreignKeys ? "ON" : "OFF")") }
                let switched = try !dryRun && BulkJournal.switchIfWorthIt(db, expectedNeeds: expectedNeeds)
                defer { if switched { BulkJournal.restore(db) } }
                for _ in 0..<Self.importPasses {
                    let session = ImportSession(db: db, policy: policy, now: now, deriveAnswers: deriveAnswers)
                    var report = ImportReport()
                    try db.inTransaction(.immediate) {
                        let deferred = try NeedIndex.deferIfWorthIt(db, expectedNeeds: expectedNeeds)
                        try body(session)
                        if session.restartRequested { return .rollback }
                        try session.finish()
                        report = session.report
                        let keep = !dryRun && !session.isAbandoned && report.conflicts.isEmpty && report.changes > 0
                        if keep && !deferred.isEmpty {
                            finishing?()
                            try NeedIndex.rebuild(db, deferred)
                        }
                        report.committed = keep
                        return keep ? .commit : .rollback
                    }
                    if !session.restartRequested { return report }
                }
                throw StoreError.failed(
                    path: path, reason: "the import was read \(Self.importPasses) times and still asked to start over")
            }
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    /// The page cache of a bulk import, in KiB (SQLite's negative form): enough for the hot index
    /// pages of ten million needs, small enough for the import's memory to stay bounded.
    static let importCacheSize = -65_536

    /// How many times one import may read its file (a restart each time but the last).
    static let importPasses = 4
}
