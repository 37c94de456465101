import GRDB

extension Schema {
    /// Where each response came from (file, line), for imports and merges; the target list of contacts.
    static func registerImportMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-response-origin") { db in
            try db.alter(table: "response") { t in
                t.add(column: "origin_file", .text)
                t.add(column: "origin_line", .integer)
            }
        }
        migrator.registerMigration("v3-contacts") { db in
            try db.create(table: "contact") { t in
                t.column("id", .integer).primaryKey()
                t.column("key", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("business_id", .text)
                t.column("region", .text).notNull()
                t.column("status", .text).notNull().defaults(to: "not-contacted")
                    .check(sql: "status IN ('not-contacted', 'contacted', 'declined')")
                t.column("updated_at", .text).notNull()
            }
        }
    }
}
