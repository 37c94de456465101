import Catalog

/// Turns aggregated sums into a published table: the full grid of the values seen (a
/// combination nobody named is a true 0, shown as 0), margins, primary and complementary
/// suppression, catalogue order.
enum TableAssembly {
    static func table(_ aggregate: Aggregate, catalog: Catalog, minRespondents: Int) -> NeedsTable {
        let dimensions = aggregate.dimensions
        let count = dimensions.count
        let order = CatalogOrder(catalog)
        // Each axis: the slots seen, in catalogue order.
        let axes: [[Int]] = dimensions.indices.map { position in
            let seen = aggregate.axes[position].indices.filter { aggregate.observed[position][$0] }
            let values = aggregate.axes[position]
            let sorted = order.sorted(seen.map { values[$0] }, dimensions[position])
            var slotOf: [String: Int] = [:]
            for slot in seen { slotOf[values[slot]] = slotOf[values[slot]] ?? slot }
            return sorted.compactMap { slotOf[$0] }
        }
        var grid: [[Int?]] = []
        if aggregate.organisations == 0 {
            grid = [Array(repeating: nil, count: count)]
        } else {
            for mask in 0..<(1 << count) {
                let lists: [[Int?]] = axes.enumerated().map {
                    mask & (1 << $0.offset) != 0 ? [nil] : $0.element.map { $0 }
                }
                grid += NeedsAnalysis.combinations(lists)
            }
        }
        let k = max(minRespondents, catalog.settings.minRespondents)
        let organisations = aggregate.organisations
        // Sort keys: inner cells before margins, then by each axis's catalogue order (a margin last).
        let ranks: [[Int: Int]] = axes.map { axis in
            Dictionary(uniqueKeysWithValues: axis.enumerated().map { ($1, $0) })
        }
        let sortKeys = grid.map { slots -> [Int] in
            [slots.contains(nil) ? 1 : 0]
                + slots.enumerated().map { position, slot in slot.flatMap { ranks[position][$0] } ?? Int.max }
        }
        let permutation = grid.indices.sorted { sortKeys[$0].lexicographicallyPrecedes(sortKeys[$1]) }
        grid = permutation.map { grid[$0] }
        var cells = grid.map { slots -> NeedsCell in
            let sums = aggregate.lookup(slots) ?? CellSums()
            let keys = slots.enumerated().map { position, slot in slot.map { aggregate.axes[position][$0] } }
            return NeedsCell(
                keys: keys, people: sums.people, respondents: sums.respondents, peoplePerYear: sums.perYear,
                index: sums.index,
                share: organisations == 0 ? 0 : Double(sums.respondents) / Double(organisations),
                suppression: sums.respondents > 0 && sums.respondents < k ? .primary : nil)
        }
        Suppressor.protect(&cells, dimensions: count)
        return NeedsTable(
            dimensions: dimensions, cells: cells, organisations: organisations, responses: organisations,
            minRespondents: k)
    }
}
