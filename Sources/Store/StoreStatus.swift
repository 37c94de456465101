import Catalog
import GRDB

/// What `osaava db status` shows.
package struct StoreStatus: Sendable, Hashable {
    package var path: String
    package var migrations: [String]
    package var responses: Int
    package var organisations: Int
    package var needs: Int
    package var drafts: Int
    package var syntheticResponses: Int
}

extension ResponseStore {
    package func status() throws -> StoreStatus {
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return StoreStatus(
                path: path,
                migrations: try Schema.migrator.appliedMigrations(db),
                responses: try count("SELECT count(*) FROM response WHERE is_current"),
                organisations: try count(
                    "SELECT count(DISTINCT organisation_id) FROM response WHERE is_current"),
                needs: try count("SELECT count(*) FROM need WHERE is_current"),
                drafts: try count("SELECT count(*) FROM draft"),
                syntheticResponses: try count("SELECT count(*) FROM response WHERE is_current AND synthetic"))
        }
    }
}

extension ResponseStore {
    /// A fingerprint of the current responses' contents (not of when they arrived): the data part
    /// of a figure's provenance. Equal data give equal fingerprints on every machine.
    package func dataFingerprint() throws -> String {
        try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, content_hash FROM response WHERE is_current ORDER BY id")
            let text = rows.map { "\($0["id"] as String) \($0["content_hash"] as String)" }.joined(separator: "\n")
            return String(SHA256.hex(Array(text.utf8)).prefix(16))
        }
    }

    /// Survey codes and rounds of the current responses, sorted.
    package func surveysAndRounds() throws -> (surveys: [String], rounds: [String]) {
        try read { db in
            let surveys = try String.fetchAll(
                db, sql: "SELECT DISTINCT survey FROM response WHERE is_current ORDER BY survey")
            let rounds = try String.fetchAll(
                db, sql: "SELECT DISTINCT round FROM response WHERE is_current ORDER BY round")
            return (surveys, rounds)
        }
    }
}
