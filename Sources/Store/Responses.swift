import Catalog
import Foundation
import GRDB

/// What an import or a seed of many responses did, counted.
package struct WriteSummary: Sendable, Equatable {
    package var inserted = 0
    package var unchanged = 0
    package var newVersions = 0
    package var conflicts: [String] = []
    package var erased: [String] = []

    package init() {}
}

/// What the research analysis and the report's key figures read of a current response.
package struct ResponseOutline: Sendable, Hashable {
    package var organisationId: Int
    package var survey: String
    package var round: String
    package var synthetic: Bool
    /// The region the response gives for its organisation.
    package var region: String
    package var research: Research
}

/// A response as stored: the record and its version.
package struct StoredResponse: Sendable, Hashable {
    package var response: SurveyResponse
    package var version: Int
    package var organisationId: Int
    package var source: String
}

extension ResponseStore {
    /// Writes many responses in one transaction: all or nothing. With `policy: .report`, a single
    /// conflict writes nothing at all.
    package func insert(_ responses: [SurveyResponse], source: String, now: String, policy: ConflictPolicy = .report)
        throws -> WriteSummary
    {
        try write { db in
            var summary = WriteSummary()
            let writer = ResponseWriter(db: db)
            for response in responses {
                switch try writer.write(response, source: source, now: now, policy: policy) {
                case .inserted: summary.inserted += 1
                case .unchanged: summary.unchanged += 1
                case .newVersion: summary.newVersions += 1
                case .conflict: summary.conflicts.append(response.id)
                case .erased: summary.erased.append(response.id)
                }
            }
            if !summary.conflicts.isEmpty { throw Rollback(summary: summary) }
            try writer.finish()
            return summary
        }
    }

    /// The current version of every response, in a stable order.
    package func responses() throws -> [StoredResponse] {
        try read { db in try Self.currentResponses(db) }
    }

    /// Visits the current version of every response in the order of `responses()`, one at a time
    /// (an export of a national data set never holds them all), inside one read transaction.
    package func forEachResponse(_ body: (StoredResponse) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(
                db,
                sql:
                    "SELECT id, version, organisation_id, source FROM response WHERE is_current ORDER BY created_at, id"
            )
            while let row = try rows.next() {
                guard let response = try Self.storedVersion(db, id: row[0], version: row[1]) else { continue }
                try body(StoredResponse(response: response, version: row[1], organisationId: row[2], source: row[3]))
            }
        }
    }

    /// The current responses of any Osaava database (also a coordinator's copy being merged).
    static func currentResponses(_ db: Database) throws -> [StoredResponse] {
        let answers = Dictionary(
            grouping: try Row.fetchAll(
                db,
                sql: """
                    SELECT a.response_id, a.key, a.value FROM answer a
                    JOIN response r ON r.id = a.response_id AND r.version = a.version AND r.is_current
                    ORDER BY a.response_id, a.seq
                    """),
            by: { $0["response_id"] as String })
        let needs = Dictionary(
            grouping: try Row.fetchAll(
                db, sql: "SELECT * FROM need WHERE is_current ORDER BY response_id, ordinal"),
            by: { $0["response_id"] as String })
        return try Row.fetchAll(db, sql: "SELECT * FROM response WHERE is_current ORDER BY created_at, id").map {
            row in
            let id: String = row["id"]
            return StoredResponse(
                response: try response(
                    row, needs: (needs[id] ?? []).map(Self.need),
                    answers: (answers[id] ?? []).map { Answer(key: $0["key"], value: $0["value"]) }),
                version: row["version"], organisationId: row["organisation_id"], source: row["source"])
        }
    }

    /// A response as stored: its `response` row (every column), its needs and its answers. A
    /// database older than migration `v4-content-hash-2` has no `answers_derived` column: its
    /// answers were all kept.
    static func response(_ row: Row, needs: [Need], answers: [Answer]) throws -> SurveyResponse {
        let decoder = JSONDecoder()
        let derived = (row["answers_derived"] as Bool?) ?? false
        return SurveyResponse(
            id: row["id"], survey: row["survey"], round: row["round"], language: row["language"],
            organisation: try decoder.decode(Organisation.self, from: Data((row["organisation"] as String).utf8)),
            needs: needs,
            research: try decoder.decode(Research.self, from: Data((row["research"] as String).utf8)),
            consent: try decoder.decode(Consent.self, from: Data((row["consent"] as String).utf8)),
            synthetic: row["synthetic"], answers: derived ? [] : answers, answersDerived: derived)
    }

    /// One version of a response as stored, or nil when there is none.
    static func storedVersion(_ db: Database, id: String, version: Int) throws -> SurveyResponse? {
        guard
            let row = try Row.fetchOne(
                try db.cachedStatement(sql: "SELECT * FROM response WHERE id = ? AND version = ?"),
                arguments: [id, version])
        else { return nil }
        // Columns by position (a name look-up per column and need costs more than the read), from
        // a cursor (its rows are read in place; `fetchAll` copies each row first).
        let needs = try Array(
            Row.fetchCursor(
                try db.cachedStatement(
                    sql: """
                        SELECT skill, level, region, people, horizon, priority, formats FROM need
                        WHERE response_id = ? AND version = ? ORDER BY ordinal
                        """),
                arguments: [id, version]
            ).map { row in
                Need(
                    skill: row[0], level: row[1], region: row[2], people: row[3], horizon: row[4], priority: row[5],
                    formats: (row[6] as String).split(separator: ",").map(String.init))
            })
        let answers = try Row.fetchAll(
            try db.cachedStatement(
                sql: "SELECT key, value FROM answer WHERE response_id = ? AND version = ? ORDER BY seq"),
            arguments: [id, version]
        ).map { Answer(key: $0[0], value: $0[1]) }
        return try response(row, needs: needs, answers: answers)
    }

    static func need(_ row: Row) -> Need {
        Need(
            skill: row["skill"], level: row["level"], region: row["region"], people: row["people"],
            horizon: row["horizon"], priority: row["priority"],
            formats: (row["formats"] as String).split(separator: ",").map(String.init))
    }

    /// Every current need with what the analysis slices it by, read row by row from `need` with
    /// plain SQL: the independent view the tests check the packed scan against (the commands read
    /// `scanNeeds`). `groupOf` maps a skill to its group.
    package func needRecords(groupOf: (String) -> String) throws -> [NeedRecord] {
        try read { db in
            var records: [NeedRecord] = []
            let cursor = try Row.fetchCursor(
                db,
                sql: """
                    SELECT organisation_id, round, region, sector, size, skill, level, people, horizon, priority, formats
                    FROM need WHERE is_current
                    """)
            while let row = try cursor.next() {
                let skill: String = row[5]
                let formats: String = row[10]
                records.append(
                    NeedRecord(
                        organisation: row[0], round: row[1], region: row[2], sector: row[3], size: row[4], skill: skill,
                        group: groupOf(skill), level: row[6], people: row[7], horizon: row[8], priority: row[9],
                        formats: formats.isEmpty ? [] : formats.split(separator: ",").map(String.init)))
            }
            return records
        }
    }

    /// Every research challenge named in a current response.
    package func challengeRecords() throws -> [ChallengeRecord] {
        try responseOutlines().flatMap { outline in
            outline.research.challenges.map {
                ChallengeRecord(
                    organisation: outline.organisationId, region: outline.region, challenge: $0,
                    interest: outline.research.interest, infrastructures: outline.research.infrastructures)
            }
        }
    }

    /// Every current response without its needs and answers (which a national data set holds
    /// millions of), in the order of `responses()`.
    package func responseOutlines() throws -> [ResponseOutline] {
        try read { db in
            let decoder = JSONDecoder()
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT organisation_id, survey, round, synthetic, organisation, research
                    FROM response WHERE is_current ORDER BY created_at, id
                    """)
            var outlines: [ResponseOutline] = []
            while let row = try rows.next() {
                let organisation = try decoder.decode(Organisation.self, from: Data((row[4] as String).utf8))
                outlines.append(
                    ResponseOutline(
                        organisationId: row[0], survey: row[1], round: row[2], synthetic: row[3],
                        region: organisation.region,
                        research: try decoder.decode(Research.self, from: Data((row[5] as String).utf8))))
            }
            return outlines
        }
    }
}

/// Thrown inside a write to undo it, carrying what would have happened.
package struct Rollback: Error {
    package var summary: WriteSummary
}

extension ResponseStore {
    /// The current version of one response.
    package func response(_ id: String) throws -> StoredResponse {
        let found = try read { db -> StoredResponse? in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT version, organisation_id, source FROM response WHERE id = ? AND is_current",
                    arguments: [id]),
                let response = try Self.storedVersion(db, id: id, version: row[0])
            else { return nil }
            return StoredResponse(response: response, version: row[0], organisationId: row[1], source: row[2])
        }
        guard let found else { throw StoreError.unknownResponse(id) }
        return found
    }

    /// The current response of an organisation to a survey round, if it has one: a second interview
    /// of the same organisation must update it, never silently duplicate it.
    package func existingResponse(organisationKey: String, survey: String, round: String) throws -> String? {
        try read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT r.id FROM response r JOIN organisation o ON o.id = r.organisation_id
                    WHERE r.is_current AND o.key = ? AND r.survey = ? AND r.round = ? ORDER BY r.created_at LIMIT 1
                    """,
                arguments: [organisationKey, survey, round])
        }
    }
}
