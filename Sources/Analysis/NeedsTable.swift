import Catalog

/// One cell of a needs table: a combination of dimension values, or a margin (`nil` values are
/// "all") — margins are published too, so suppression must protect cells against subtraction.
package struct NeedsCell: Sendable, Hashable {
    /// One value per dimension of the table; nil = total over that dimension.
    package var keys: [String?]
    package var people: Int
    package var respondents: Int
    package var peoplePerYear: Double
    package var index: Double
    package var share: Double
    /// Not to be shown: fewer than K organisations (primary), or hiding such a cell (complementary).
    package var suppression: Suppression?

    package var isMargin: Bool { keys.contains(nil) }
    package var isSuppressed: Bool { suppression != nil }
}

package enum Suppression: String, Sendable, Hashable {
    /// Fewer than K organisations in the cell.
    case primary
    /// Enough organisations, but publishing it would reveal a primary cell by subtraction.
    case complementary
}

/// Needs aggregated by some dimensions, every cell already suppressed as DESIGN.md requires.
package struct NeedsTable: Sendable, Hashable {
    package var dimensions: [Dimension]
    /// Inner cells first (sorted by keys), then margins.
    package var cells: [NeedsCell]
    /// Distinct organisations in the filtered set (the share's denominator).
    package var organisations: Int
    package var responses: Int
    package var minRespondents: Int

    package var inner: [NeedsCell] { cells.filter { !$0.isMargin } }
    package var margins: [NeedsCell] { cells.filter(\.isMargin) }
    package var grandTotal: NeedsCell? { cells.first { $0.keys.allSatisfy { $0 == nil } } }

    package func cell(_ keys: [String?]) -> NeedsCell? { cells.first { $0.keys == keys } }
}
