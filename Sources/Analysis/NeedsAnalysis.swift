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

    /// The cartesian product of lists.
    static func combinations<T>(_ lists: [[T]]) -> [[T]] {
        lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
    }
}
