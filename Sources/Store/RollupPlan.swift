import Catalog
import Foundation
import GRDB

/// A rollup definition bound to this database's codes: which cells each need adds to.
/// A cell is one integer: the grouping's index in the top 16 bits, then up to three attribute
/// codes (plus one, so that 0 means "not grouped") in 16 bits each.
struct RollupPlan {
    enum Attribute: String {
        case region, skill, horizon
        case skillGroup = "skill-group"
    }

    let definition: RollupDefinition
    let groupings: [[Attribute]]
    private var groupOfSkill: [Int32] = []

    /// The definition as stored with the rollups: equal text means the rollups match it.
    /// JSON with sorted keys, as `JSONEncoder` writes it; written by hand when every string is
    /// plain ASCII (no escaping, and JSONEncoder's key order is then byte order), because the
    /// encoder's first use was ~0.4 ms of a small `analyze` in its profile.
    static func storedForm(_ definition: RollupDefinition) throws -> String {
        let plain =
            definition.groupings.allSatisfy { $0.allSatisfy(\.isPlainJSON) }
            && definition.skillGroups.allSatisfy { $0.key.isPlainJSON && $0.value.isPlainJSON }
        guard plain else { return try encodedForm(definition) }
        func quoted(_ text: String) -> String { "\"" + text + "\"" }
        let groupings = definition.groupings.map { "[" + $0.map(quoted).joined(separator: ",") + "]" }
        // The keys sorted, not the pairs: an array of (key, value) tuples was a type of its own
        // for the runtime to set up at first use.
        let skillGroups = definition.skillGroups.keys.sorted().map { key in
            quoted(key) + ":" + quoted(definition.skillGroups[key] ?? "")
        }
        return "{\"groupings\":[" + groupings.joined(separator: ",") + "],\"skillGroups\":{"
            + skillGroups.joined(separator: ",") + "}}"
    }

    /// `storedForm` by `JSONEncoder`: the reference the hand-written form is tested against.
    static func encodedForm(_ definition: RollupDefinition) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(Stored(groupings: definition.groupings, skillGroups: definition.skillGroups))
        return String(decoding: data, as: UTF8.self)
    }

    static func parse(_ text: String) -> RollupDefinition? {
        guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(text.utf8)) else { return nil }
        return RollupDefinition(groupings: stored.groupings, skillGroups: stored.skillGroups)
    }

    init(_ definition: RollupDefinition) throws {
        self.definition = definition
        var groupings: [[Attribute]] = []
        for grouping in definition.groupings {
            let attributes = grouping.compactMap(Attribute.init(rawValue:))
            guard attributes.count == grouping.count, attributes.count <= 3, definition.groupings.count < 0x7FFF else {
                throw StoreError.failed(
                    path: "rollups",
                    reason: "a rollup grouping \(grouping) is not one of \(RollupDefinition.attributes)")
            }
            groupings.append(attributes)
        }
        self.groupings = groupings
    }

    /// The definition the stored rollups follow, unless they are marked stale: what a writer
    /// maintains (responses queued by other paths are the reader's business).
    static func maintained(_ db: Database) throws -> RollupDefinition? {
        try maintainedForm(db).flatMap(parse)
    }

    /// `maintained`'s definition in its stored form (`storedForm`).
    private static func maintainedForm(_ db: Database) throws -> String? {
        guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rollup-stale'") == nil else {
            return nil
        }
        return try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'rollup-definition'")
    }

    /// The stored form of the rollups' definition when they are complete and up to date:
    /// maintained, and no response waits in the queue. Compared as text with `storedForm` of the
    /// definition a reader wants (decoding it first cost a small `analyze` half a millisecond).
    static func activeForm(_ db: Database) throws -> String? {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM need_pending)") == false else { return nil }
        return try maintainedForm(db)
    }

    /// The skill-group code of a skill code, assigning group codes on first sight.
    mutating func group(_ db: Database, _ codes: NeedCodes, skill: Int32) throws -> Int32 {
        let index = Int(skill)
        if index < groupOfSkill.count { return groupOfSkill[index] }
        try codes.load(from: db)
        let skills = codes.values(.skill)
        while groupOfSkill.count <= index {
            let value = groupOfSkill.count < skills.count ? skills[groupOfSkill.count] : ""
            groupOfSkill.append(try codes.code(db, .skillGroup, definition.skillGroups[value] ?? ""))
        }
        return groupOfSkill[index]
    }

    static func cell(grouping: Int, _ values: [Int32]) -> Int64 {
        var cell = Int64(grouping) << 48
        for (position, value) in values.enumerated() {
            cell |= Int64(value + 1) << Int64(32 - 16 * position)
        }
        return cell
    }

    static func grouping(of cell: Int64) -> Int { Int(cell >> 48) }

    static func values(of cell: Int64, count: Int) -> [Int32] {
        (0..<count).map { Int32((cell >> Int64(32 - 16 * $0)) & 0xFFFF) - 1 }
    }

    /// Calls `body` with each cell a need adds to.
    mutating func forEachCell(
        _ db: Database, _ codes: NeedCodes, _ need: CodedNeed, _ body: (Int64) -> Void
    ) throws {
        let group = try self.group(db, codes, skill: need.skill)
        var values: [Int32] = []
        for (index, grouping) in groupings.enumerated() {
            values.removeAll(keepingCapacity: true)
            for attribute in grouping {
                switch attribute {
                case .region: values.append(need.region)
                case .skill: values.append(need.skill)
                case .skillGroup: values.append(group)
                case .horizon: values.append(need.horizon)
                }
            }
            body(Self.cell(grouping: index, values))
        }
    }
}

/// What writes change in the rollups, gathered during a transaction and written at its end.
struct RollupDelta {
    struct PeopleKey: Hashable {
        var cell: Int64
        var horizon: Int32
        var priority: Int32
    }

    var people: [PeopleKey: Int] = [:]
    var organisations: [Int64: Int] = [:]

    var isEmpty: Bool { people.isEmpty && organisations.isEmpty }

    /// Adds (sign +1) or removes (−1) one response of an organisation whose other current
    /// responses are `others`: a cell gains or loses the organisation only when none of the
    /// others already puts it there.
    mutating func apply(
        _ db: Database, _ codes: NeedCodes, _ plan: inout RollupPlan, _ packed: PackedResponse,
        others: [PackedResponse], sign: Int
    ) throws {
        var before = Set<Int64>()
        for other in others {
            for need in other.needs { try plan.forEachCell(db, codes, need) { before.insert($0) } }
        }
        var mine = Set<Int64>()
        for need in packed.needs {
            let people = Int(need.people) * sign
            try plan.forEachCell(db, codes, need) { cell in
                mine.insert(cell)
                self.people[PeopleKey(cell: cell, horizon: need.horizon, priority: need.priority), default: 0] += people
            }
        }
        for cell in mine where !before.contains(cell) { organisations[cell, default: 0] += sign }
    }

    /// Adds the delta to the stored rollups; rows that reach zero are removed. A removal that
    /// does not match what is stored means the rollups had drifted: they are marked stale (and
    /// rebuilt by the next analysis) instead of failing the write of a response.
    func write(_ db: Database) throws {
        let addPeople = try db.cachedStatement(
            sql: """
                INSERT INTO need_rollup(cell, horizon, priority, people) VALUES (?, ?, ?, ?)
                ON CONFLICT(cell, horizon, priority) DO UPDATE SET people = people + excluded.people
                """)
        let subtractPeople = try db.cachedStatement(
            sql: """
                UPDATE need_rollup SET people = people - ?2
                WHERE cell = ?1 AND horizon = ?3 AND priority = ?4 AND people >= ?2
                """)
        let dropPeople = try db.cachedStatement(
            sql: "DELETE FROM need_rollup WHERE cell = ? AND horizon = ? AND priority = ? AND people = 0")
        var drifted = false
        for (key, people) in people where people != 0 {
            if people > 0 {
                try addPeople.execute(arguments: [key.cell, key.horizon, key.priority, people])
            } else {
                try subtractPeople.execute(arguments: [key.cell, -people, key.horizon, key.priority])
                drifted = drifted || db.changesCount == 0
                try dropPeople.execute(arguments: [key.cell, key.horizon, key.priority])
            }
        }
        let addCell = try db.cachedStatement(
            sql: """
                INSERT INTO need_rollup_cell(cell, organisations) VALUES (?, ?)
                ON CONFLICT(cell) DO UPDATE SET organisations = organisations + excluded.organisations
                """)
        let subtractCell = try db.cachedStatement(
            sql:
                "UPDATE need_rollup_cell SET organisations = organisations - ?2 WHERE cell = ?1 AND organisations >= ?2"
        )
        let dropCell = try db.cachedStatement(sql: "DELETE FROM need_rollup_cell WHERE cell = ? AND organisations = 0")
        for (cell, count) in organisations where count != 0 {
            if count > 0 {
                try addCell.execute(arguments: [cell, count])
            } else {
                try subtractCell.execute(arguments: [cell, -count])
                drifted = drifted || db.changesCount == 0
                try dropCell.execute(arguments: [cell])
            }
        }
        if drifted { try RollupStore.markStale(db) }
    }
}

/// A rollup definition's stored JSON.
private struct Stored: Codable {
    var groupings: [[String]]
    var skillGroups: [String: String]
}

extension String {
    /// Printable ASCII that JSON writes as is: no quote, backslash or slash (JSONEncoder escapes `/`).
    fileprivate var isPlainJSON: Bool {
        utf8.allSatisfy {
            $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "/")
        }
    }
}
