import Catalog
import GRDB

extension Schema {
    /// Content hashes of scheme 2 (`ContentHash`), and responses whose answers are derived from
    /// their record instead of kept.
    static func registerContentHashMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v4-content-hash-2") { db in
            try db.alter(table: "response") { t in
                t.add(column: "answers_derived", .boolean).notNull().defaults(to: false)
            }
            // A needs CSV import kept answers an interview would have given, made from the record
            // (`ResponseAssembler.answers(for:)`): they are derived again when needed.
            try db.execute(
                sql: """
                    DELETE FROM answer WHERE EXISTS (
                        SELECT 1 FROM response r
                        WHERE r.id = answer.response_id AND r.version = answer.version AND r.source = 'import:osaava');
                    UPDATE response SET answers_derived = 1 WHERE source = 'import:osaava';
                    """)
            // Every stored version is hashed again, so that a response already here and the same
            // one arriving by any path compare equal (idempotent imports and merges).
            let versions = try Row.fetchAll(db, sql: "SELECT id, version FROM response ORDER BY id, version")
            let update = try db.makeStatement(sql: "UPDATE response SET content_hash = ? WHERE id = ? AND version = ?")
            for row in versions {
                let id: String = row[0]
                let version: Int = row[1]
                guard let response = try ResponseStore.storedVersion(db, id: id, version: version) else { continue }
                try update.execute(arguments: [ContentHash.of(response), id, version])
            }
        }
    }
}
