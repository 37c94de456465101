import Catalog
import GRDB

extension ResponseStore {
    /// The maintained cells of some of the definition's groupings (each given as its attributes,
    /// in any order). Read as stored when the rollups match the definition and are up to date;
    /// otherwise rebuilt once from the packs (a catalogue change, a path that bypassed the writer,
    /// an erasure), then maintained again by every write.
    package func rollupCells(_ definition: RollupDefinition, groupings: [[String]]) throws -> [RollupCell] {
        let stored = try RollupPlan.storedForm(definition)
        let wanted = RollupStore.indices(of: groupings, in: definition)
        let current = try read { db -> [RollupCell]? in
            guard try RollupPlan.activeForm(db) == stored else { return nil }
            return try RollupStore.cells(db, definition, groupings: wanted)
        }
        if let current { return current }
        return try write { db in
            try RollupStore.rebuild(db, definition)
            return try RollupStore.cells(db, definition, groupings: wanted)
        }
    }

    /// Recomputes the rollups from scratch and keeps them maintained from now on.
    package func rebuildRollups(_ definition: RollupDefinition) throws {
        try write { db in try RollupStore.rebuild(db, definition) }
    }

    /// Whether the stored rollups match `definition` and are up to date (no rebuild needed).
    package func rollupsAreCurrent(_ definition: RollupDefinition) throws -> Bool {
        let stored = try RollupPlan.storedForm(definition)
        return try read { db in
            try RollupPlan.activeForm(db) == stored
        }
    }
}
