import GRDB

extension Schema {
    /// The analysis's own tables, kept up to date by the writer in the transaction that writes a
    /// response: a dictionary of attribute codes, one packed row of coded needs per current
    /// response (what a full scan reads: tens of thousands of rows instead of millions), the
    /// rollup cells, and a queue of responses written by a path that did not pack them.
    static func registerNeedScanMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-need-packs-rollups") { db in
            try db.execute(
                sql: """
                    CREATE TABLE need_code(
                        dimension TEXT NOT NULL,
                        code INTEGER NOT NULL CHECK (code >= 0),
                        value TEXT NOT NULL,
                        PRIMARY KEY (dimension, code),
                        UNIQUE (dimension, value)
                    ) WITHOUT ROWID;
                    CREATE TABLE need_pack(
                        response_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        organisation_id INTEGER NOT NULL,
                        round INTEGER NOT NULL,
                        sector INTEGER NOT NULL,
                        size INTEGER NOT NULL,
                        needs BLOB NOT NULL,
                        PRIMARY KEY (response_id, version),
                        FOREIGN KEY (response_id, version) REFERENCES response(id, version) ON DELETE CASCADE
                    );
                    CREATE INDEX need_pack_organisation ON need_pack(organisation_id);
                    CREATE TABLE need_pending(
                        response_id TEXT NOT NULL,
                        version INTEGER NOT NULL,
                        PRIMARY KEY (response_id, version)
                    ) WITHOUT ROWID;
                    CREATE TABLE need_rollup(
                        cell INTEGER NOT NULL,
                        horizon INTEGER NOT NULL,
                        priority INTEGER NOT NULL,
                        people INTEGER NOT NULL CHECK (people >= 0),
                        PRIMARY KEY (cell, horizon, priority)
                    ) WITHOUT ROWID;
                    CREATE TABLE need_rollup_cell(
                        cell INTEGER PRIMARY KEY,
                        organisations INTEGER NOT NULL CHECK (organisations >= 0)
                    );
                    -- A response written by a path that does not pack it (or does not finish its
                    -- batch) is queued; the next analysis packs it and rebuilds the rollups.
                    CREATE TRIGGER need_pending_on_insert AFTER INSERT ON response WHEN NEW.is_current
                    BEGIN
                        INSERT OR IGNORE INTO need_pending(response_id, version) VALUES (NEW.id, NEW.version);
                    END;
                    -- A response that stops being current (a new version) or is deleted (erasure) takes
                    -- its pack with it in the same transaction. When the writer did not subtract it from
                    -- the rollups first (its pack is still there), the rollups are emptied and marked
                    -- stale, so that nothing derived from erased answers outlives the erasure; the next
                    -- analysis rebuilds them.
                    CREATE TRIGGER need_pack_on_retire AFTER UPDATE OF is_current ON response
                    WHEN OLD.is_current AND NOT NEW.is_current
                    BEGIN
                        INSERT OR REPLACE INTO meta(key, value) SELECT 'rollup-stale', '1'
                            WHERE EXISTS (SELECT 1 FROM need_pack WHERE response_id = OLD.id AND version = OLD.version);
                        DELETE FROM need_rollup
                            WHERE EXISTS (SELECT 1 FROM need_pack WHERE response_id = OLD.id AND version = OLD.version);
                        DELETE FROM need_rollup_cell
                            WHERE EXISTS (SELECT 1 FROM need_pack WHERE response_id = OLD.id AND version = OLD.version);
                        DELETE FROM need_pack WHERE response_id = OLD.id AND version = OLD.version;
                        DELETE FROM need_pending WHERE response_id = OLD.id AND version = OLD.version;
                    END;
                    CREATE TRIGGER need_pack_on_delete BEFORE DELETE ON response WHEN OLD.is_current
                    BEGIN
                        INSERT OR REPLACE INTO meta(key, value) SELECT 'rollup-stale', '1'
                            WHERE EXISTS (SELECT 1 FROM need_pack WHERE response_id = OLD.id AND version = OLD.version);
                        DELETE FROM need_rollup
                            WHERE EXISTS (SELECT 1 FROM need_pack WHERE response_id = OLD.id AND version = OLD.version);
                        DELETE FROM need_rollup_cell
                            WHERE EXISTS (SELECT 1 FROM need_pack WHERE response_id = OLD.id AND version = OLD.version);
                        DELETE FROM need_pack WHERE response_id = OLD.id AND version = OLD.version;
                        DELETE FROM need_pending WHERE response_id = OLD.id AND version = OLD.version;
                    END;
                    -- Responses written before this migration are packed by the first analysis.
                    INSERT INTO need_pending(response_id, version) SELECT id, version FROM response WHERE is_current;
                    """)
        }
    }
}
