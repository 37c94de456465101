import GRDB

/// The database schema as append-only, named migrations. A migration that has shipped is never
/// edited: changes come as new migrations.
enum Schema {
    /// The migrations' identifiers in the order they run, as `migrator` registers them (a test
    /// holds the two equal): what a database this version has fully migrated records, checked
    /// without building the migrator by `RollupSnapshot`.
    static let identifiers = [
        "v1-responses-drafts", "v2-response-origin", "v3-contacts", "v3-need-packs-rollups", "v4-content-hash-2",
        "v5-need-key-index", "v6-partial-need-current",
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-responses-drafts") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "organisation") { t in
                t.column("id", .integer).primaryKey()
                t.column("key", .text).notNull().unique()
                t.column("name", .text).notNull()
                t.column("business_id", .text)
                t.column("region", .text).notNull()
                t.column("synthetic", .boolean).notNull().defaults(to: false)
            }
            try db.create(table: "response") { t in
                t.column("id", .text).notNull()
                t.column("version", .integer).notNull().check { $0 >= 1 }
                t.column("is_current", .boolean).notNull()
                t.column("survey", .text).notNull()
                t.column("round", .text).notNull()
                t.column("language", .text).notNull()
                t.column("organisation_id", .integer).notNull().references("organisation")
                t.column("organisation", .text).notNull()  // the organisation as answered (JSON)
                t.column("research", .text).notNull()  // JSON
                t.column("consent", .text).notNull()  // JSON
                t.column("synthetic", .boolean).notNull()
                t.column("source", .text).notNull()
                t.column("content_hash", .text).notNull()
                t.column("created_at", .text).notNull()
                t.primaryKey(["id", "version"])
            }
            try db.create(
                index: "response_current", on: "response", columns: ["id"], unique: true,
                condition: Column("is_current") == true)
            try db.create(table: "need") { t in
                t.column("response_id", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("ordinal", .integer).notNull()
                t.column("is_current", .boolean).notNull()
                t.column("organisation_id", .integer).notNull()
                t.column("round", .text).notNull()
                t.column("region", .text).notNull()
                t.column("sector", .text).notNull()
                t.column("size", .text).notNull()
                t.column("skill", .text).notNull()
                t.column("level", .integer).notNull().check { $0 >= 1 }
                t.column("people", .integer).notNull().check { $0 >= 1 }
                t.column("horizon", .text).notNull()
                t.column("priority", .integer).notNull().check { $0 >= 0 }
                t.column("formats", .text).notNull()
                t.primaryKey(["response_id", "version", "ordinal"])
                t.foreignKey(["response_id", "version"], references: "response", onDelete: .cascade)
            }
            try db.create(index: "need_current", on: "need", columns: ["is_current", "region", "skill"])
            try db.create(table: "answer") { t in
                t.column("response_id", .text).notNull()
                t.column("version", .integer).notNull()
                t.column("seq", .integer).notNull()
                t.column("key", .text).notNull()
                t.column("value", .text).notNull()
                t.primaryKey(["response_id", "version", "seq"])
                t.foreignKey(["response_id", "version"], references: "response", onDelete: .cascade)
            }
            try db.create(table: "draft") { t in
                t.primaryKey("id", .text)
                t.column("survey", .text).notNull()
                t.column("language", .text).notNull()
                t.column("created_at", .text).notNull()
                t.column("updated_at", .text).notNull()
                t.column("edits_response", .text)
            }
            try db.create(table: "draft_answer") { t in
                t.column("draft_id", .text).notNull().references("draft", onDelete: .cascade)
                t.column("seq", .integer).notNull()
                t.column("key", .text).notNull()
                t.column("value", .text).notNull()
                t.primaryKey(["draft_id", "seq"])
            }
            try db.create(table: "tombstone") { t in
                t.primaryKey("hash", .text)
                t.column("erased_at", .text).notNull()
            }
        }
        registerImportMigrations(&migrator)
        registerNeedScanMigrations(&migrator)
        registerContentHashMigrations(&migrator)
        registerNeedKeyMigrations(&migrator)
        return migrator
    }
}
