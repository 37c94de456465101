import Catalog
import GRDB

/// Rebuilding and reading the rollups, and packing responses that arrived by a path that did
/// not pack them.
enum RollupStore {
    static func markStale(_ db: Database) throws {
        try db.execute(sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('rollup-stale', '1')")
    }

    static func hasPending(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM need_pending)") ?? false
    }

    /// Packs every queued response that has no pack yet (from its need rows), then empties the
    /// queue. The rollups are marked stale: they did not see these responses.
    static func catchUp(_ db: Database) throws {
        guard try hasPending(db) else { return }
        let codes = NeedCodes()
        let pending = try Row.fetchAll(
            db,
            sql: """
                SELECT p.response_id, p.version, r.organisation_id, r.round FROM need_pending p
                JOIN response r ON r.id = p.response_id AND r.version = p.version AND r.is_current
                WHERE NOT EXISTS (SELECT 1 FROM need_pack k WHERE k.response_id = p.response_id AND k.version = p.version)
                """)
        for entry in pending {
            let id: String = entry[0]
            let version: Int = entry[1]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT region, sector, size, skill, level, people, horizon, priority, formats FROM need
                    WHERE response_id = ? AND version = ? ORDER BY ordinal
                    """,
                arguments: [id, version])
            let sector: String = rows.first?[1] ?? ""
            let size: String = rows.first?[2] ?? ""
            let needs = rows.map { row -> Need in
                let formats: String = row[8]
                return Need(
                    skill: row[3], level: row[4], region: row[0], people: row[5], horizon: row[6], priority: row[7],
                    formats: formats.isEmpty ? [] : formats.split(separator: ",").map(String.init))
            }
            let organisation: Int64 = entry[2]
            let response = SurveyResponse(
                id: id, survey: "", round: entry[3], language: "",
                organisation: Organisation(name: "", region: "", sector: sector, size: size), needs: needs,
                research: Research(),
                consent: Consent(publish: false, contact: false, planning: false, textVersion: "", givenAt: ""),
                synthetic: false, answers: [])
            try codes.pack(db, response, organisation: organisation).insert(db, id: id, version: version)
        }
        try db.execute(sql: "DELETE FROM need_pending")
        try markStale(db)
    }

    /// Recomputes every rollup cell from the packs: one pass in organisation order, counting an
    /// organisation once per cell however many of its responses and needs fall there.
    static func rebuild(_ db: Database, _ definition: RollupDefinition) throws {
        try catchUp(db)
        let codes = NeedCodes()
        try codes.load(from: db)
        var plan = try RollupPlan(definition)
        var delta = RollupDelta()
        var cells = Set<Int64>()
        var current = -1
        let packs = try Row.fetchCursor(
            db, sql: "SELECT organisation_id, round, sector, size, needs FROM need_pack ORDER BY organisation_id")
        while let row = try packs.next() {
            let packed = PackedResponse(row: row)
            if packed.response.organisation != current {
                for cell in cells { delta.organisations[cell, default: 0] += 1 }
                cells.removeAll(keepingCapacity: true)
                current = packed.response.organisation
            }
            for need in packed.needs {
                try plan.forEachCell(db, codes, need) { cell in
                    cells.insert(cell)
                    delta.people[
                        RollupDelta.PeopleKey(cell: cell, horizon: need.horizon, priority: need.priority), default: 0] +=
                        Int(need.people)
                }
            }
        }
        for cell in cells { delta.organisations[cell, default: 0] += 1 }
        try db.execute(sql: "DELETE FROM need_rollup; DELETE FROM need_rollup_cell")
        try delta.write(db)
        try db.execute(
            sql: "INSERT OR REPLACE INTO meta(key, value) VALUES ('rollup-definition', ?)",
            arguments: [try RollupPlan.storedForm(definition)])
        try db.execute(sql: "DELETE FROM meta WHERE key = 'rollup-stale'")
    }

    /// The indices in `definition` of groupings given as their attributes, in any order.
    static func indices(of groupings: [[String]], in definition: RollupDefinition) -> [Int] {
        groupings.compactMap { grouping in definition.groupings.firstIndex { Set($0) == Set(grouping) } }
    }

    /// The stored cells of some groupings (indices into the definition), with their values decoded.
    static func cells(_ rows: some RollupRows, _ definition: RollupDefinition, groupings: [Int]) throws -> [RollupCell]
    {
        let codes = NeedCodes()
        try codes.load(from: rows)
        let plan = try RollupPlan(definition)
        let horizons = codes.values(.horizon)
        var result: [RollupCell] = []
        for grouping in groupings where grouping < plan.groupings.count {
            let attributes = plan.groupings[grouping]
            let range = (Int64(grouping) << 48)..<(Int64(grouping + 1) << 48)
            // Int keys, not Int64: a dictionary type of its own costs a
            // small `analyze` its first-use set-up.
            var demand: [Int: [RollupCell.Demand]] = [:]
            try rows.forEachDemand(in: range) { cell, horizon, priority, people in
                demand[Int(cell), default: []].append(
                    RollupCell.Demand(
                        horizon: horizon >= 0 && horizon < horizons.count ? horizons[horizon] : "", priority: priority,
                        people: people))
            }
            try rows.forEachCount(in: range) { cell, organisations in
                let codesOfCell = RollupPlan.values(of: cell, count: attributes.count)
                var values: [String: String] = [:]
                for (attribute, code) in zip(attributes, codesOfCell) {
                    let list: [String]
                    switch attribute {
                    case .region: list = codes.values(.region)
                    case .skill: list = codes.values(.skill)
                    case .skillGroup: list = codes.values(.skillGroup)
                    case .horizon: list = horizons
                    }
                    values[attribute.rawValue] = code >= 0 && Int(code) < list.count ? list[Int(code)] : ""
                }
                result.append(RollupCell(values: values, organisations: organisations, demand: demand[Int(cell)] ?? []))
            }
        }
        return result
    }
}
