import Analysis
import Catalog

extension Listing {
    /// `analyze needs`: one row per cell, margins (totals, `*`) after the cells.
    package init(needs table: NeedsTable, catalog: Catalog) {
        let settings = catalog.settings
        let columns =
            table.dimensions.map(\.rawValue) + ["people", "people_per_year", "respondents", "share", "demand_index"]
        let rows = table.cells.map { cell -> [Value] in
            let keys = cell.keys.map { Value.text($0 ?? "*") }
            if cell.isSuppressed { return keys + Array(repeating: .suppressed, count: 5) }
            return keys + [
                .integer(cell.people), .decimal(cell.peoplePerYear, places: 1), .integer(cell.respondents),
                .decimal(cell.share, places: 3), .decimal(cell.index, places: 1),
            ]
        }
        let horizons = settings.horizons.map { "\($0.code) \($0.weight)" }.joined(separator: ", ")
        let priorities = settings.priorityWeights.keys.sorted().map { "\($0) \(settings.priorityWeights[$0] ?? 0)" }
            .joined(separator: ", ")
        self.init(
            columns: columns, rows: rows,
            notes: [
                "",
                "* = all values (a total). \(MarkdownReport.suppressedMarker) = suppressed: fewer than \(table.minRespondents) organisations, or hiding such a cell.",
                "respondents = distinct organisations; share = respondents / \(table.organisations) organisations in the set.",
                "demand_index = Σ people · w(horizon) · w(priority); w(horizon): \(horizons); w(priority): \(priorities).",
            ])
    }
}
