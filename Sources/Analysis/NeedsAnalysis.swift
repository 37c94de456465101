import Catalog

/// Aggregates competence needs into a suppressed table (DESIGN.md, "What the numbers mean").
package struct NeedsAnalysis: Sendable {
    package let catalog: Catalog

    package init(catalog: Catalog) {
        self.catalog = catalog
    }

    /// The table for `query` over `records`: every cell with fewer than K organisations suppressed,
    /// and complementary cells suppressed wherever a published margin would reveal one.
    package func table(_ records: [NeedRecord], query: NeedsQuery) -> NeedsTable {
        table(CodedRecords(records), query: query)
    }

    /// The table for `query` over needs already coded.
    package func table(_ coded: CodedRecords, query: NeedsQuery) -> NeedsTable {
        // Records in memory cannot fail to scan.
        return (try? table(codebook: coded.codebook, query: query, scan: coded.scan))
            ?? TableAssembly.table(
                Aggregate(dimensions: query.by, axes: [], observed: [], organisations: 0, lookup: { _ in nil }),
                catalog: catalog, minRespondents: query.minRespondents)
    }

    /// The table for `query` over a full scan of coded needs (a store's packed needs, or
    /// `CodedRecords`): one pass, dense sums, never a record per need in memory.
    package func table(
        codebook: NeedCodebook, query: NeedsQuery, scan: (CodedNeedVisitor) throws -> Void
    ) throws -> NeedsTable {
        let aggregate = try DenseAggregation(catalog: catalog, codebook: codebook, query: query).run(scan)
        return TableAssembly.table(aggregate, catalog: catalog, minRespondents: query.minRespondents)
    }

    /// The most rows a table for `query` can have: every combination of the values the catalogue
    /// lists for each dimension (or the filter keeps), with the totals. (A table shows every
    /// combination of the values seen, a true 0 where nobody named one, so its size is the product;
    /// values in the data that the catalogue does not list can add to it.)
    package func largestTable(for query: NeedsQuery) -> Int {
        let order = CatalogOrder(catalog)
        let rounds = Set(catalog.surveys.map(\.round)).count
        var rows = 1
        for dimension in query.by {
            let values = query.filters[dimension]?.count ?? (dimension == .round ? rounds : order.count(dimension))
            let (product, overflow) = rows.multipliedReportingOverflow(by: max(values, 1) + 1)
            rows = overflow ? Int.max : product
        }
        return rows
    }

    /// The largest table the analyze commands make (beyond it, memory and time grow with every
    /// combination, most of them empty: nine dimensions would be ~150 million rows).
    package static let largestTableShown = 1_000_000

    /// The cartesian product of lists.
    static func combinations<T>(_ lists: [[T]]) -> [[T]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }
}
