import Catalog

/// Aggregates competence needs into a suppressed table (DESIGN.md, "What the numbers mean").
package struct NeedsAnalysis: Sendable {
    package let catalog: Catalog

    package init(catalog: Catalog) {
        self.catalog = catalog
    }

    private struct Accumulator {
        var people = 0
        var perYear = 0.0
        var index = 0.0
        var organisations: Set<Int> = []
    }

    /// The table for `query` over `records`: every cell with fewer than K organisations suppressed,
    /// and complementary cells suppressed wherever a published margin would reveal one.
    package func table(_ records: [NeedRecord], query: NeedsQuery) -> NeedsTable {
        let settings = catalog.settings
        let dimensions = query.by
        let count = dimensions.count
        let years = Dictionary(settings.horizons.map { ($0.code, $0.years) }, uniquingKeysWith: { a, _ in a })
        let weights = Dictionary(settings.horizons.map { ($0.code, $0.weight) }, uniquingKeysWith: { a, _ in a })
        var cells: [[String?]: Accumulator] = [:]
        var organisations: Set<Int> = []
        var observed = Array(repeating: Set<String>(), count: count)
        for record in records where query.accepts(record) {
            organisations.insert(record.organisation)
            let values = dimensions.map { $0.values(of: record) }
            for (position, options) in values.enumerated() { observed[position].formUnion(options) }
            let perYear = Double(record.people) / (years[record.horizon] ?? 1)
            let index =
                Double(record.people) * (weights[record.horizon] ?? 1)
                * (settings.priorityWeights[record.priority] ?? 1)
            // Every combination of this record's values, and every margin of them.
            for keys in Self.combinations(values) {
                for mask in 0..<(1 << count) {
                    let masked: [String?] = keys.enumerated().map { mask & (1 << $0.offset) != 0 ? nil : $0.element }
                    var cell = cells[masked] ?? Accumulator()
                    cell.people += record.people
                    cell.perYear += perYear
                    cell.index += index
                    cell.organisations.insert(record.organisation)
                    cells[masked] = cell
                }
            }
        }
        // The full grid: a combination nobody named is a true 0, shown as 0.
        let order = CatalogOrder(catalog)
        let axes = dimensions.indices.map { order.sorted(observed[$0], dimensions[$0]) }
        var grid: [[String?]] = []
        for mask in 0..<(1 << count) {
            let lists: [[String?]] = axes.enumerated().map {
                mask & (1 << $0.offset) != 0 ? [nil] : $0.element.map { $0 }
            }
            grid += Self.combinations(lists)
        }
        if records.isEmpty || organisations.isEmpty { grid = [Array(repeating: nil, count: count)] }
        let k = max(query.minRespondents, settings.minRespondents)
        var table = grid.map { keys -> NeedsCell in
            let cell = cells[keys] ?? Accumulator()
            let respondents = cell.organisations.count
            return NeedsCell(
                keys: keys, people: cell.people, respondents: respondents, peoplePerYear: cell.perYear,
                index: cell.index,
                share: organisations.isEmpty ? 0 : Double(respondents) / Double(organisations.count),
                suppression: respondents > 0 && respondents < k ? .primary : nil)
        }
        Suppressor.protect(&table, dimensions: count)
        table.sort { a, b in
            if a.isMargin != b.isMargin { return !a.isMargin }
            return order.less(a.keys, b.keys, dimensions)
        }
        return NeedsTable(
            dimensions: dimensions, cells: table, organisations: organisations.count,
            responses: organisations.count, minRespondents: k)
    }

    /// The cartesian product of lists.
    static func combinations<T>(_ lists: [[T]]) -> [[T]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }
}
