import Catalog
import Foundation
import GRDB

/// What erasing an organisation removed. Names are never printed: the pseudonym identifies it.
package struct ErasureReport: Sendable, Equatable {
    package var pseudonym: String
    package var responses = 0
    package var versions = 0
    package var needs = 0
    package var drafts = 0
}

extension ResponseStore {
    /// GDPR erasure: removes every version of every response of the organisation `identifier`
    /// names (business ID, pseudonym `org-…`, or name — with `region` when the name is ambiguous),
    /// its drafts and its record, in one transaction, and leaves a tombstone (a SHA-256 of its
    /// identity) so that no later import or merge can bring it back. `secure_delete` is on, and
    /// the WAL is checkpointed afterwards so nothing stays in free pages or the log.
    package func eraseOrganisation(_ identifier: String, region: String?, now: String) throws -> ErasureReport {
        let pseudonyms = try pseudonyms()
        let report = try write { db -> ErasureReport in
            let target = try Self.findOrganisation(db, identifier: identifier, region: region, pseudonyms: pseudonyms)
            var report = ErasureReport(pseudonym: pseudonyms[Int(target.id)] ?? "org-?")
            try Self.erase(db, organisation: target.id, key: target.key, name: target.name, now: now, into: &report)
            return report
        }
        try checkpoint()
        return report
    }

    /// Flushes the WAL into the database file and truncates it.
    func checkpoint() throws {
        do {
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        } catch {
            throw StoreError.translate(error, path: path)
        }
    }

    static func erase(
        _ db: Database, organisation id: Int64, key: String, name: String, now: String, into report: inout ErasureReport
    ) throws {
        report.responses +=
            try Int.fetchOne(
                db, sql: "SELECT count(DISTINCT id) FROM response WHERE organisation_id = ?", arguments: [id]) ?? 0
        report.versions +=
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM response WHERE organisation_id = ?", arguments: [id]) ?? 0
        report.needs +=
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM need WHERE organisation_id = ?", arguments: [id]) ?? 0
        // The analysis's packs and rollups lose the organisation in the same transaction.
        let upkeep = NeedUpkeep()
        for row in try Row.fetchAll(
            db, sql: "SELECT id, version FROM response WHERE organisation_id = ? AND is_current", arguments: [id])
        {
            try upkeep.retire(db, id: row["id"], version: row["version"])
        }
        try upkeep.finish(db)
        try db.execute(sql: "DELETE FROM response WHERE organisation_id = ?", arguments: [id])
        // Drafts are not linked to an organisation until completed: any draft naming it goes too.
        let drafts = try String.fetchAll(
            db, sql: "SELECT DISTINCT draft_id FROM draft_answer WHERE lower(trim(value)) = lower(trim(?))",
            arguments: [name])
        for draft in drafts { try db.execute(sql: "DELETE FROM draft WHERE id = ?", arguments: [draft]) }
        report.drafts += drafts.count
        try db.execute(sql: "DELETE FROM organisation WHERE id = ?", arguments: [id])
        try db.execute(
            sql: "INSERT OR IGNORE INTO tombstone(hash, erased_at) VALUES (?, ?)",
            arguments: [Tombstone.hash(key), now])
    }

    static func findOrganisation(
        _ db: Database, identifier: String, region: String?, pseudonyms: [Int: String]
    ) throws -> (id: Int64, key: String, name: String) {
        let rows = try Row.fetchAll(db, sql: "SELECT id, key, name, business_id, region FROM organisation ORDER BY id")
        let wanted = identifier.trimmingCharacters(in: .whitespaces)
        let matches = rows.filter { row in
            let id: Int64 = row["id"]
            let name: String = row["name"]
            let business: String? = row["business_id"]
            return pseudonyms[Int(id)] == wanted || business?.uppercased() == wanted.uppercased()
                || (name.lowercased() == wanted.lowercased() && (region == nil || row["region"] == region))
        }
        guard let first = matches.first else {
            throw StoreError.unknownOrganisation(identifier)
        }
        guard matches.count == 1 else {
            let regions = matches.map { $0["region"] as String }.sorted().joined(separator: ", ")
            throw StoreError.ambiguousOrganisation(identifier, regions: regions)
        }
        return (first["id"], first["key"], first["name"])
    }
}

extension ResponseStore {
    /// The current responses of the organisation `identifier` names (business ID, pseudonym or
    /// name), newest round last, with its pseudonym: for a learner path planned with its consent.
    package func organisationResponses(_ identifier: String, region: String?) throws -> (
        pseudonym: String, responses: [StoredResponse]
    ) {
        let pseudonyms = try pseudonyms()
        return try read { db in
            let target = try Self.findOrganisation(db, identifier: identifier, region: region, pseudonyms: pseudonyms)
            // Only this organisation's responses are read (not every current response's needs).
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, version, source FROM response WHERE is_current AND organisation_id = ?
                    ORDER BY created_at, id
                    """,
                arguments: [target.id])
            let responses = try rows.compactMap { row -> StoredResponse? in
                guard let response = try Self.storedVersion(db, id: row["id"], version: row["version"]) else {
                    return nil
                }
                return StoredResponse(
                    response: response, version: row["version"], organisationId: Int(target.id), source: row["source"])
            }
            return (pseudonyms[Int(target.id)] ?? "org-?", responses.sorted { $0.response.round < $1.response.round })
        }
    }
}
