import Catalog
import Foundation
import GRDB

/// What writing one response did.
package enum WriteOutcome: Sendable, Equatable {
    case inserted
    /// The same response with the same content was already there: nothing changed.
    case unchanged
    /// A new version replaced the current one.
    case newVersion(Int)
    /// The same response id with different content, and no rule to resolve it: nothing written.
    case conflict
    /// The organisation was erased; its answers may not come back.
    case erased
}

/// How to treat a response whose id exists with different content.
package enum ConflictPolicy: String, Sendable, CaseIterable {
    /// Report the conflict and write nothing (imports and merges by default).
    case report
    /// The incoming response becomes a new version (an edit, `--prefer incoming`).
    case incoming
    /// Keep what is there (`--prefer existing`).
    case existing
}

/// The answers an interview would have recorded for a response (`ResponseAssembler.answers(for:)`
/// with the response's survey), or nil when the catalogue does not have its survey. The store
/// has no catalogue: a caller that has one passes this so that a response whose answers are
/// derived and the same response with those answers given count as the same content.
package typealias AnswerDeriver = @Sendable (SurveyResponse) -> [Answer]?

/// Writes responses inside a caller's transaction, with statements prepared once per writer.
final class ResponseWriter {
    let db: Database
    /// The analysis's packs and rollups, kept in step in the same transaction (`finish` at its end).
    let upkeep = NeedUpkeep()
    private let deriveAnswers: AnswerDeriver?
    private var needRows: NeedRows?
    /// The tombstones, read at the first write (none is added while a writer writes): most
    /// databases have none, and then no organisation's identity needs hashing.
    private var tombstones: Set<String>?

    init(db: Database, deriveAnswers: AnswerDeriver? = nil) {
        self.db = db
        self.deriveAnswers = deriveAnswers
    }

    /// Writes `response`, whose `ContentHash` is `hash` when the caller has it already.
    func write(
        _ response: SurveyResponse, hash: String? = nil, source: String, now: String,
        policy: ConflictPolicy = .incoming,
        origin: (file: String?, line: Int?) = (nil, nil)
    ) throws -> WriteOutcome {
        let organisationKey = response.organisation.key
        let tombstones = try self.tombstones ?? Set(String.fetchAll(db, sql: "SELECT hash FROM tombstone"))
        self.tombstones = tombstones
        if !tombstones.isEmpty && tombstones.contains(Tombstone.hash(organisationKey)) { return .erased }
        let hash = hash ?? ContentHash.of(response)
        var version = 1
        let currentStatement = try db.cachedStatement(
            sql: "SELECT version, content_hash FROM response WHERE id = ? AND is_current")
        if let current = try Row.fetchOne(currentStatement, arguments: [response.id]) {
            let stored: String = current[1]
            if stored == hash || sameContent(response, as: stored) { return .unchanged }
            switch policy {
            case .report: return .conflict
            case .existing: return .unchanged
            case .incoming: break
            }
            let old: Int = current[0]
            version = old + 1
            try upkeep.retire(db, id: response.id, version: old)
            try db.execute(sql: "UPDATE response SET is_current = 0 WHERE id = ?", arguments: [response.id])
            try db.execute(sql: "UPDATE need SET is_current = 0 WHERE response_id = ?", arguments: [response.id])
        }
        try upkeep.begin(db)
        let organisation = try upsertOrganisation(
            response.organisation, key: organisationKey, synthetic: response.synthetic)
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO response(id, version, is_current, survey, round, language, organisation_id, organisation,
                    research, consent, synthetic, source, content_hash, created_at, origin_file, origin_line,
                    answers_derived)
                VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try insert.execute(arguments: [
            response.id, version, response.survey, response.round, response.language, organisation,
            RecordJSON.organisation(response.organisation), RecordJSON.research(response.research),
            RecordJSON.consent(response.consent),
            response.synthetic, source, hash, now, origin.file, origin.line, response.answersDerived,
        ])
        let rows = try needRows ?? NeedRows(db)
        needRows = rows
        try rows.insert(response, version: version, organisation: organisation)
        try upkeep.record(db, response, version: version, organisation: organisation)
        if !response.answersDerived {
            let answer = try db.cachedStatement(
                sql: "INSERT INTO answer(response_id, version, seq, key, value) VALUES (?, ?, ?, ?, ?)")
            for (seq, item) in response.answers.enumerated() {
                try answer.execute(arguments: [response.id, version, seq, item.key, item.value])
            }
        }
        return version == 1 ? .inserted : .newVersion(version)
    }

    /// Ends the caller's batch: writes the rollup changes gathered since the writer was made.
    func finish() throws {
        try upkeep.finish(db)
    }

    /// Whether `response` says what the stored response hashed to `stored` says, one of them with
    /// derived answers and the other with exactly those answers given (a needs CSV imported
    /// before answers were derived, or a response merged from such a database).
    private func sameContent(_ response: SurveyResponse, as stored: String) -> Bool {
        guard let deriveAnswers, let derived = deriveAnswers(response) else { return false }
        var other = response
        if response.answersDerived {
            other.answers = derived
            other.answersDerived = false
        } else {
            guard derived == response.answers else { return false }
            other.answers = []
            other.answersDerived = true
        }
        return ContentHash.of(other) == stored
    }

    /// The organisation's dense id, creating it on first sight.
    private func upsertOrganisation(_ organisation: Organisation, key: String, synthetic: Bool) throws -> Int64 {
        let find = try db.cachedStatement(sql: "SELECT id, name, region FROM organisation WHERE key = ?")
        if let row = try Row.fetchOne(find, arguments: [key]) {
            let id: Int64 = row[0]
            if row[1] != organisation.name || row[2] != organisation.region {
                try db.cachedStatement(sql: "UPDATE organisation SET name = ?, region = ? WHERE id = ?")
                    .execute(arguments: [organisation.name, organisation.region, id])
            }
            return id
        }
        try db.cachedStatement(
            sql: "INSERT INTO organisation(key, name, business_id, region, synthetic) VALUES (?, ?, ?, ?, ?)"
        ).execute(
            arguments: [key, organisation.name, organisation.businessId, organisation.region, synthetic])
        return db.lastInsertedRowID
    }

}

/// The hash kept after an organisation is erased, so that its answers cannot come back.
enum Tombstone {
    static func hash(_ organisationKey: String) -> String {
        SHA256.hex(Array(organisationKey.utf8))
    }
}
