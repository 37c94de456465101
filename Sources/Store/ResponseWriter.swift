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

/// Writes responses inside a caller's transaction.
struct ResponseWriter {
    let db: Database
    /// The analysis's packs and rollups, kept in step in the same transaction (`finish` at its end).
    let upkeep = NeedUpkeep()

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    func write(
        _ response: SurveyResponse, source: String, now: String, policy: ConflictPolicy = .incoming,
        origin: (file: String?, line: Int?) = (nil, nil)
    ) throws -> WriteOutcome {
        let organisationKey = response.organisation.key
        if try Bool.fetchOne(
            db, sql: "SELECT 1 FROM tombstone WHERE hash = ?", arguments: [Tombstone.hash(organisationKey)]) == true
        {
            return .erased
        }
        let hash = try Self.contentHash(response)
        var version = 1
        if let current = try Row.fetchOne(
            db, sql: "SELECT version, content_hash FROM response WHERE id = ? AND is_current", arguments: [response.id])
        {
            if current["content_hash"] == hash { return .unchanged }
            switch policy {
            case .report: return .conflict
            case .existing: return .unchanged
            case .incoming: break
            }
            version = (current["version"] as Int) + 1
            try upkeep.retire(db, id: response.id, version: current["version"])
            try db.execute(sql: "UPDATE response SET is_current = 0 WHERE id = ?", arguments: [response.id])
            try db.execute(sql: "UPDATE need SET is_current = 0 WHERE response_id = ?", arguments: [response.id])
        }
        let organisation = try upsertOrganisation(response.organisation, synthetic: response.synthetic)
        try db.execute(
            sql: """
                INSERT INTO response(id, version, is_current, survey, round, language, organisation_id, organisation,
                    research, consent, synthetic, source, content_hash, created_at, origin_file, origin_line)
                VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                response.id, version, response.survey, response.round, response.language, organisation,
                try json(response.organisation), try json(response.research), try json(response.consent),
                response.synthetic, source, hash, now, origin.file, origin.line,
            ])
        for (ordinal, need) in response.needs.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO need(response_id, version, ordinal, is_current, organisation_id, round, region, sector,
                        size, skill, level, people, horizon, priority, formats)
                    VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    response.id, version, ordinal, organisation, response.round, need.region,
                    response.organisation.sector ?? "", response.organisation.size ?? "", need.skill, need.level,
                    need.people, need.horizon, need.priority, need.formats.joined(separator: ","),
                ])
        }
        try upkeep.record(db, response, version: version, organisation: organisation)
        for (seq, answer) in response.answers.enumerated() {
            try db.execute(
                sql: "INSERT INTO answer(response_id, version, seq, key, value) VALUES (?, ?, ?, ?, ?)",
                arguments: [response.id, version, seq, answer.key, answer.value])
        }
        return version == 1 ? .inserted : .newVersion(version)
    }

    /// Ends the caller's batch: writes the rollup changes gathered since the writer was made.
    func finish() throws {
        try upkeep.finish(db)
    }

    /// The organisation's dense id, creating it on first sight.
    private func upsertOrganisation(_ organisation: Organisation, synthetic: Bool) throws -> Int64 {
        if let id = try Int64.fetchOne(
            db, sql: "SELECT id FROM organisation WHERE key = ?", arguments: [organisation.key])
        {
            try db.execute(
                sql: "UPDATE organisation SET name = ?, region = ? WHERE id = ?",
                arguments: [organisation.name, organisation.region, id])
            return id
        }
        try db.execute(
            sql: "INSERT INTO organisation(key, name, business_id, region, synthetic) VALUES (?, ?, ?, ?, ?)",
            arguments: [organisation.key, organisation.name, organisation.businessId, organisation.region, synthetic])
        return db.lastInsertedRowID
    }

    private func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try Self.encoder.encode(value), as: UTF8.self)
    }

    /// Identifies the content of a response (not when or how it arrived), for idempotent imports.
    static func contentHash(_ response: SurveyResponse) throws -> String {
        var content = response
        content.consent.givenAt = ""
        return Fingerprint.of([("response", try encoder.encode(content))])
    }
}

/// The hash kept after an organisation is erased, so that its answers cannot come back.
enum Tombstone {
    static func hash(_ organisationKey: String) -> String {
        SHA256.hex(Array(organisationKey.utf8))
    }
}
