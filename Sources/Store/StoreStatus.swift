import Catalog
import Foundation
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
    package var tombstones: Int
    package var fileSize: Int
    /// The time of the last response or draft change.
    package var lastWrite: String?
    package var bySource: [(String, Int)]
    package var bySurvey: [(String, Int)]
    package var byRegion: [(String, Int)]

    package static func == (a: StoreStatus, b: StoreStatus) -> Bool {
        a.path == b.path && a.responses == b.responses && a.needs == b.needs && a.drafts == b.drafts
            && a.migrations == b.migrations && a.tombstones == b.tombstones
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(responses)
    }
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
                syntheticResponses: try count("SELECT count(*) FROM response WHERE is_current AND synthetic"),
                tombstones: try count("SELECT count(*) FROM tombstone"),
                fileSize: fileSize(),
                lastWrite: try String.fetchOne(
                    db,
                    sql:
                        "SELECT max(t) FROM (SELECT max(created_at) AS t FROM response UNION ALL SELECT max(updated_at) FROM draft)"
                ),
                bySource: try pairs(
                    db, "SELECT source, count(*) FROM response WHERE is_current GROUP BY source ORDER BY source"),
                bySurvey: try pairs(
                    db,
                    "SELECT survey || ' ' || round, count(*) FROM response WHERE is_current GROUP BY survey, round ORDER BY 1"
                ),
                byRegion: try pairs(
                    db,
                    """
                    SELECT o.region, count(*) FROM response r JOIN organisation o ON o.id = r.organisation_id
                    WHERE r.is_current GROUP BY o.region ORDER BY o.region
                    """))
        }
    }
}

extension ResponseStore {
    private func pairs(_ db: Database, _ sql: String) throws -> [(String, Int)] {
        try Row.fetchAll(db, sql: sql).map { ($0[0] as String, $0[1] as Int) }
    }

    private func fileSize() -> Int {
        guard path != ":memory:" else { return 0 }
        let size = { (file: String) -> Int in
            ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.intValue ?? 0
        }
        return size(path) + size(path + "-wal")
    }

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
