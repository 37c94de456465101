import Catalog

/// The steering-group report's fixed needs tables, suppressed together: a skill group's national
/// total (in the group × region table) is also the sum of its skills (in the skill table), so a
/// suppressed skill could be recovered from the group total minus the group's published skills.
package struct SteeringTables: Sendable, Hashable {
    /// Skill group × region, with margins.
    package var byGroupAndRegion: NeedsTable
    /// Skill × whole country, with the total.
    package var bySkill: NeedsTable
}

extension NeedsAnalysis {
    package static let steeringQueries: (byGroupAndRegion: [Dimension], bySkill: [Dimension]) = (
        [.skillGroup, .region], [.skill]
    )

    /// The two tables from need records, suppressed jointly.
    package func steeringTables(_ records: [NeedRecord], minRespondents: Int) -> SteeringTables {
        steeringTables(CodedRecords(records), minRespondents: minRespondents)
    }

    /// The two tables from needs already coded (one coding for every table of a report).
    package func steeringTables(_ coded: CodedRecords, minRespondents: Int) -> SteeringTables {
        var tables = SteeringTables(
            byGroupAndRegion: table(
                coded, query: NeedsQuery(by: Self.steeringQueries.byGroupAndRegion, minRespondents: minRespondents)),
            bySkill: table(coded, query: NeedsQuery(by: Self.steeringQueries.bySkill, minRespondents: minRespondents))
        )
        suppressJointly(&tables)
        return tables
    }

    /// The two tables from the store's maintained rollups (no scan), suppressed jointly.
    package func steeringTables(rollups: [RollupCell], minRespondents: Int) -> SteeringTables {
        var tables = SteeringTables(
            byGroupAndRegion: table(
                rollups: rollups,
                query: NeedsQuery(by: Self.steeringQueries.byGroupAndRegion, minRespondents: minRespondents)),
            bySkill: table(
                rollups: rollups, query: NeedsQuery(by: Self.steeringQueries.bySkill, minRespondents: minRespondents)))
        suppressJointly(&tables)
        return tables
    }

    /// The rollup groupings the steering tables read.
    package var steeringGroupings: [[String]] {
        (rollupGroupings(for: NeedsQuery(by: Self.steeringQueries.byGroupAndRegion, minRespondents: 0)) ?? [])
            + (rollupGroupings(for: NeedsQuery(by: Self.steeringQueries.bySkill, minRespondents: 0)) ?? [])
    }

    /// Suppresses the report's two tables as one: each table's own lines, plus each skill group's
    /// national total as the margin of the group's skills, plus the two grand totals (one figure
    /// published twice). Call it on tables already suppressed one by one (as `table` returns them).
    package func suppressJointly(_ tables: inout SteeringTables) {
        var groupTable = tables.byGroupAndRegion
        var skillTable = tables.bySkill
        guard let groupPosition = groupTable.dimensions.firstIndex(of: .skillGroup),
            skillTable.dimensions == [.skill]
        else { return }
        let offset = groupTable.cells.count
        var cells = groupTable.cells + skillTable.cells
        var lines =
            Suppressor.lines(groupTable.cells, dimensions: groupTable.dimensions.count)
            + Suppressor.lines(skillTable.cells, dimensions: 1, offset: offset)
        var skillsOfGroup: [String: [Int]] = [:]
        var skillTotal: Int?
        for (index, cell) in skillTable.cells.enumerated() {
            guard let skill = cell.keys[0] else {
                skillTotal = index + offset
                continue
            }
            skillsOfGroup[catalog.skill(skill)?.group ?? "", default: []].append(index + offset)
        }
        for (index, cell) in groupTable.cells.enumerated() {
            let others = cell.keys.enumerated().filter { $0.offset != groupPosition }.map(\.element)
            guard others.allSatisfy({ $0 == nil }) else { continue }
            if let group = cell.keys[groupPosition] {
                lines.append(Suppressor.Line(margin: index, members: skillsOfGroup[group] ?? []))
            } else if let skillTotal {
                // The same grand total in both tables: hidden in one, hidden in both.
                lines.append(Suppressor.Line(margin: index, members: [skillTotal]))
                lines.append(Suppressor.Line(margin: skillTotal, members: [index]))
            }
        }
        Suppressor.protect(&cells, lines: lines)
        groupTable.cells = Array(cells[..<offset])
        skillTable.cells = Array(cells[offset...])
        tables = SteeringTables(byGroupAndRegion: groupTable, bySkill: skillTable)
    }
}
