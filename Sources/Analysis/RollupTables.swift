import Catalog

extension NeedsAnalysis {
    /// The groupings a store keeps current on every write: the steering report's tables (skill
    /// group × region with margins, skill × whole country), shared needs (skill × region), and
    /// region × skill × horizon with its margins (gaps' demand side, the analyst's default view).
    static let maintainedGroupings: [[Dimension]] = [
        [], [.region], [.skillGroup], [.skill], [.horizon],
        [.region, .skillGroup], [.region, .skill], [.region, .horizon], [.skill, .horizon],
        [.region, .skill, .horizon],
    ]

    /// What the store maintains, for this catalogue (skill groups come from it).
    package var rollupDefinition: RollupDefinition {
        var groups: [String: String] = [:]
        for skill in catalog.skills where groups[skill.code] == nil { groups[skill.code] = skill.group }
        return RollupDefinition(
            groupings: Self.maintainedGroupings.map { $0.map(\.rawValue) }, skillGroups: groups)
    }

    /// The groupings a query's table needs (its cells and every margin), when the rollups hold
    /// them all and the query has no filters; nil when it needs a full scan.
    package func rollupGroupings(for query: NeedsQuery) -> [[String]]? {
        guard query.filters.isEmpty else { return nil }
        var groupings: [[String]] = []
        for mask in 0..<(1 << query.by.count) {
            let subset = query.by.enumerated().filter { mask & (1 << $0.offset) == 0 }.map(\.element)
            guard Self.maintainedGroupings.contains(where: { Set($0) == Set(subset) }) else { return nil }
            groupings.append(subset.map(\.rawValue))
        }
        return groupings
    }

    /// The table for `query` from maintained rollup cells (those `rollupGroupings(for:)` named):
    /// the same numbers a full scan gives, read from a few thousand rows.
    package func table(rollups: [RollupCell], query: NeedsQuery) -> NeedsTable {
        let settings = catalog.settings
        let dimensions = query.by
        // Keyed by text (`CellKey`), not by `[String?]`.
        var sums: [String: CellSums] = [:]
        var axes = dimensions.map { _ in [String]() }
        var seen = dimensions.map { _ in Set<String>() }
        var organisations = 0
        for cell in rollups {
            guard cell.values.count <= dimensions.count,
                cell.values.keys.allSatisfy({ name in dimensions.contains { $0.rawValue == name } })
            else { continue }
            let keys = dimensions.map { cell.values[$0.rawValue] }
            var total = CellSums(respondents: cell.organisations)
            for demand in cell.demand {
                let horizon = settings.horizon(demand.horizon)
                total.people += demand.people
                total.perYear += Double(demand.people) / (horizon?.years ?? 1)
                total.index +=
                    Double(demand.people) * (horizon?.weight ?? 1) * (settings.priorityWeights[demand.priority] ?? 1)
            }
            sums[CellKey.text(keys)] = total
            if keys.allSatisfy({ $0 == nil }) { organisations = cell.organisations }
            if cell.values.count == dimensions.count, cell.organisations > 0 {
                for (position, key) in keys.enumerated() {
                    if let key, seen[position].insert(key).inserted { axes[position].append(key) }
                }
            }
        }
        let finalAxes = axes
        let aggregate = Aggregate(
            dimensions: dimensions, axes: axes, observed: axes.map { $0.map { _ in true } },
            organisations: organisations,
            lookup: { slots in
                sums[CellKey.text(slots.enumerated().map { position, slot in slot.map { finalAxes[position][$0] } })]
            })
        return TableAssembly.table(aggregate, catalog: catalog, minRespondents: query.minRespondents)
    }
}
