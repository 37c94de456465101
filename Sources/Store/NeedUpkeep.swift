import Catalog
import GRDB

/// Keeps the analysis's packs and rollups in step with the responses, inside the transaction
/// that writes them (one per `ResponseWriter`). Packs are written with each response; rollup
/// changes are gathered and written by `finish`, so that an import of 50,000 responses updates
/// each rollup row once. A writer whose caller never calls `finish` leaves its responses in the
/// pending queue, and the next analysis rebuilds the rollups: slower once, never wrong.
final class NeedUpkeep {
    let codes = NeedCodes()
    private var plan: RollupPlan?
    private var planLoaded = false
    private var delta = RollupDelta()
    private var batch = RollupBatch()
    private var recorded: [(id: String, version: Int)] = []
    /// Whether the pending queue was empty before this batch wrote anything: then everything in
    /// it at the end is this batch's, and one statement empties it.
    private var queueWasEmpty: Bool?

    /// Called before the batch writes its first response.
    func begin(_ db: Database) throws {
        guard queueWasEmpty == nil else { return }
        queueWasEmpty = !(try RollupStore.hasPending(db))
    }

    private func activePlan(_ db: Database) throws -> RollupPlan? {
        if !planLoaded {
            plan = try RollupPlan.maintained(db).map(RollupPlan.init)
            planLoaded = true
        }
        return plan
    }

    /// Packs a response just written and adds it to the rollups.
    func record(_ db: Database, _ response: SurveyResponse, version: Int, organisation: Int64) throws {
        let packed = try codes.pack(db, response, organisation: organisation)
        if var plan = try activePlan(db) {
            let others = try PackedResponse.others(db, organisation: Int(organisation), except: response.id)
            try batch.add(db, codes, &plan, packed, others: others, overflow: &delta)
            self.plan = plan
        }
        try packed.insert(db, id: response.id, version: version)
        recorded.append((response.id, version))
    }

    /// Takes a response version out of the packs and rollups before it stops being current.
    func retire(_ db: Database, id: String, version: Int) throws {
        guard let packed = try PackedResponse.fetch(db, id: id, version: version) else { return }
        if var plan = try activePlan(db) {
            let others = try PackedResponse.others(db, organisation: packed.response.organisation, except: id)
            try delta.apply(db, codes, &plan, packed, others: others, sign: -1)
            self.plan = plan
        }
        try db.execute(sql: "DELETE FROM need_pack WHERE response_id = ? AND version = ?", arguments: [id, version])
    }

    /// Writes the gathered rollup changes and clears the written responses from the pending queue.
    func finish(_ db: Database) throws {
        if let plan = try activePlan(db) { batch.flush(into: &delta, plan) }
        if try activePlan(db) != nil, !delta.isEmpty { try delta.write(db) }
        if queueWasEmpty == true {
            try db.execute(sql: "DELETE FROM need_pending")
        } else {
            let dequeue = try db.cachedStatement(
                sql: "DELETE FROM need_pending WHERE response_id = ? AND version = ?")
            for entry in recorded { try dequeue.execute(arguments: [entry.id, entry.version]) }
        }
        queueWasEmpty = nil
        delta = RollupDelta()
        batch = RollupBatch()
        recorded = []
    }
}
