import GRDB

extension Schema {
    /// The need table's key as a unique index of its own (`need_key`) instead of the primary key:
    /// same columns, same uniqueness, but an index that a bulk import into an empty table can
    /// drop and build again by one sort (`NeedIndex`), where a primary key's entries are inserted
    /// one by one at random places (at ten million needs ~10 s against ~5 s). SQLite cannot drop
    /// a primary key, so the table is made again (rowids kept) and renamed.
    ///
    /// Its rows are copied as they are, so no foreign key can break: GRDB's check of every foreign
    /// key of the database after the migration is skipped (it cost seconds at national scale, and
    /// a row orphaned long ago would have made every open fail). Migrations registered after this
    /// one run with the same `disablingDeferredForeignKeyChecks` migrator: they check what they
    /// change themselves (`db.checkForeignKeys(in:)`).
    static func registerNeedKeyMigrations(_ migrator: inout DatabaseMigrator) {
        migrator = migrator.disablingDeferredForeignKeyChecks()
        migrator.registerMigration("v5-need-key-index") { db in
            try db.execute(
                sql: """
                    CREATE TABLE need_keyed(
                        response_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        ordinal INTEGER NOT NULL,
                        is_current BOOLEAN NOT NULL,
                        organisation_id INTEGER NOT NULL,
                        round TEXT NOT NULL,
                        region TEXT NOT NULL,
                        sector TEXT NOT NULL,
                        size TEXT NOT NULL,
                        skill TEXT NOT NULL,
                        level INTEGER NOT NULL CHECK (level >= 1),
                        people INTEGER NOT NULL CHECK (people >= 1),
                        horizon TEXT NOT NULL,
                        priority INTEGER NOT NULL CHECK (priority >= 0),
                        formats TEXT NOT NULL,
                        FOREIGN KEY (response_id, version) REFERENCES response(id, version) ON DELETE CASCADE
                    );
                    INSERT INTO need_keyed(rowid, response_id, version, ordinal, is_current, organisation_id, round,
                        region, sector, size, skill, level, people, horizon, priority, formats)
                    SELECT rowid, response_id, version, ordinal, is_current, organisation_id, round,
                        region, sector, size, skill, level, people, horizon, priority, formats FROM need;
                    DROP TABLE need;
                    ALTER TABLE need_keyed RENAME TO need;
                    CREATE UNIQUE INDEX "need_key" ON "need"("response_id", "version", "ordinal");
                    CREATE INDEX "need_current" ON "need"("is_current", "region", "skill");
                    """)
        }
        // Current needs by region and skill as a partial index: the queries that use it all say
        // `WHERE is_current`, and without the column in every entry the index is smaller and a bulk
        // import builds it faster (10M needs: about 2 s of its ~10 s sort). Its columns are then
        // those of the reference `.import`'s index in the benchmark.
        migrator.registerMigration("v6-partial-need-current") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS need_current")
            try db.execute(sql: NeedIndex.current.definition)
        }
    }
}
