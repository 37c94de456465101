import Catalog
import Foundation
import GRDB

/// A draft as listed: an interview not yet completed.
package struct DraftSummary: Sendable, Hashable {
    package var id: String
    package var survey: String
    package var language: String
    package var organisation: String?
    package var answered: Int
    package var updatedAt: String
}

package struct Draft: Sendable, Hashable {
    package var id: String
    package var survey: String
    package var language: String
    package var answers: [Answer]
    /// The final response this draft corrects (`survey edit`), if any.
    package var editsResponse: String?
}

extension ResponseStore {
    /// Starts a draft; its id is short enough to type when resuming.
    package func createDraft(survey: String, language: String, now: String, editing response: String? = nil) throws
        -> String
    {
        try write { db in
            var id = ""
            repeat {
                id = "d" + String(UInt32.random(in: 0x10_0000...0xFF_FFFF), radix: 16)
            } while try Bool.fetchOne(db, sql: "SELECT 1 FROM draft WHERE id = ?", arguments: [id]) == true
            try db.execute(
                sql:
                    "INSERT INTO draft(id, survey, language, created_at, updated_at, edits_response) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, survey, language, now, now, response])
            return id
        }
    }

    /// Replaces the draft's answers in one small transaction: called after every answer, so that
    /// a killed process loses at most the answer being typed.
    package func saveDraft(_ id: String, answers: [Answer], now: String) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM draft WHERE id = ?", arguments: [id]) == true else {
                throw StoreError.unknownDraft(id)
            }
            try db.execute(sql: "DELETE FROM draft_answer WHERE draft_id = ?", arguments: [id])
            for (seq, answer) in answers.enumerated() {
                try db.execute(
                    sql: "INSERT INTO draft_answer(draft_id, seq, key, value) VALUES (?, ?, ?, ?)",
                    arguments: [id, seq, answer.key, answer.value])
            }
            try db.execute(sql: "UPDATE draft SET updated_at = ? WHERE id = ?", arguments: [now, id])
        }
    }

    package func draft(_ id: String) throws -> Draft {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM draft WHERE id = ?", arguments: [id]) else {
                throw StoreError.unknownDraft(id)
            }
            let answers = try Row.fetchAll(
                db, sql: "SELECT key, value FROM draft_answer WHERE draft_id = ? ORDER BY seq", arguments: [id]
            ).map { Answer(key: $0["key"], value: $0["value"]) }
            return Draft(
                id: id, survey: row["survey"], language: row["language"], answers: answers,
                editsResponse: row["edits_response"])
        }
    }

    package func drafts() throws -> [DraftSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT d.id, d.survey, d.language, d.updated_at,
                           (SELECT count(*) FROM draft_answer a WHERE a.draft_id = d.id) AS answered,
                           (SELECT a.value FROM draft_answer a WHERE a.draft_id = d.id ORDER BY a.seq LIMIT 1) AS first
                    FROM draft d ORDER BY d.updated_at, d.id
                    """
            ).map {
                DraftSummary(
                    id: $0["id"], survey: $0["survey"], language: $0["language"], organisation: $0["first"],
                    answered: $0["answered"], updatedAt: $0["updated_at"])
            }
        }
    }

    package func discardDraft(_ id: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { throw StoreError.unknownDraft(id) }
        }
    }

    /// Moves a completed interview from draft to final in one transaction.
    package func complete(draft id: String, response: SurveyResponse, now: String) throws {
        try write { db in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM draft WHERE id = ?", arguments: [id]) == true else {
                throw StoreError.unknownDraft(id)
            }
            let writer = ResponseWriter(db: db)
            _ = try writer.write(response, source: "interview", now: now)
            try writer.finish()
            try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [id])
        }
    }
}
