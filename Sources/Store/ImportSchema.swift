import GRDB

extension Schema {
    /// Where each response came from (file, line), for imports and merges.
    static func registerImportMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-response-origin") { db in
            try db.alter(table: "response") { t in
                t.add(column: "origin_file", .text)
                t.add(column: "origin_line", .integer)
            }
        }
    }
}
