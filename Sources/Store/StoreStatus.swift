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
