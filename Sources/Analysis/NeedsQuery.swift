import Catalog

/// `analyze needs`: which dimensions, which filters, which K.
package struct NeedsQuery: Sendable, Hashable {
    package var by: [Dimension]
    /// Only records whose value for the dimension is one of these.
    package var filters: [Dimension: Set<String>]
    package var minRespondents: Int

    package init(by: [Dimension], filters: [Dimension: Set<String>] = [:], minRespondents: Int) {
        self.by = by
        self.filters = filters
        self.minRespondents = minRespondents
    }

    func accepts(_ record: NeedRecord) -> Bool {
        filters.allSatisfy { dimension, allowed in dimension.values(of: record).contains(where: allowed.contains) }
    }
}
