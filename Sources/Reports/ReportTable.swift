/// A table of the report in a form every renderer shares: the Markdown and HTML pages, the CSV
/// files, the JSON document and the XLSX sheets all show the same cells, suppressed the same way.

/// One value of a table. Numbers are already rounded to what is shown, so that every format
/// carries the same figure.
package enum ReportValue: Sendable, Hashable {
    /// A name, with the catalogue code it stands for (a region, a skill, ...) when there is one.
    case text(String, code: String?)
    case integer(Int)
    /// Rounded to `places` decimals.
    case decimal(Double, places: Int)
    /// A share 0...1, rounded to a whole percent.
    case percent(Double)
    /// Hidden to protect organisations: fewer than K of them, or revealing such a cell.
    case suppressed
    /// Nothing to show (not a zero).
    case empty

    package static func text(_ text: String) -> ReportValue { .text(text, code: nil) }

    package static func rounded(_ value: Double, places: Int) -> ReportValue {
        .decimal(ReportValue.round(value, places: places), places: places)
    }

    package static func share(_ value: Double) -> ReportValue {
        .percent(ReportValue.round(value, places: 2))
    }

    /// Half away from zero, as `NumberStyle` rounds.
    package static func round(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    package var isSuppressed: Bool {
        if case .suppressed = self { return true }
        return false
    }
}

package struct ReportCell: Sendable, Hashable {
    package var value: ReportValue
    /// The figure rests on illustrative catalogue data (marked †).
    package var illustrative: Bool

    package init(_ value: ReportValue, illustrative: Bool = false) {
        self.value = value
        self.illustrative = illustrative
    }
}

package struct ReportColumn: Sendable, Hashable {
    package enum Kind: String, Sendable, Hashable {
        case text, integer, decimal, percent
    }

    /// Stable identifier (JSON, CSV tooling): a catalogue code or a fixed English word.
    package var id: String
    /// Header in the report's language.
    package var label: String
    package var kind: Kind
    /// False for a column that pages show otherwise (a yes/no column pages mark with †, a status
    /// pages say once per group); files (CSV, JSON, XLSX) always carry it.
    package var onPages: Bool

    package init(_ id: String, _ label: String, _ kind: Kind, onPages: Bool = true) {
        self.id = id
        self.label = label
        self.kind = kind
        self.onPages = onPages
    }

    package var isNumeric: Bool { kind != .text }
}

package struct ReportRow: Sendable, Hashable {
    package var cells: [ReportCell]
    /// A total (margin) row: shown in bold.
    package var isTotal: Bool
    /// The group the row belongs to (`ReportTable.groups`), e.g. a region's path.
    package var group: String?

    package init(_ cells: [ReportCell], isTotal: Bool = false, group: String? = nil) {
        self.cells = cells
        self.isTotal = isTotal
        self.group = group
    }
}

/// A part of a grouped table that pages show under its own heading (one region's path).
package struct ReportGroup: Sendable, Hashable {
    package var id: String
    package var title: String
    /// One line about the group (total credits, terms, whether proven optimal).
    package var summary: String

    package init(id: String, title: String, summary: String) {
        self.id = id
        self.title = title
        self.summary = summary
    }
}

package struct ReportTable: Sendable, Hashable {
    /// Stable identifier: the CSV file name, the JSON id, the HTML anchor.
    package var id: String
    /// Section heading in the report's language.
    package var title: String
    /// At most 31 characters: the XLSX sheet name.
    package var sheetName: String
    package var columns: [ReportColumn]
    package var rows: [ReportRow]
    /// When set, pages show one table per group and leave `groupColumns` out of them.
    package var groups: [ReportGroup]
    package var groupColumns: [Int]
    /// Sentences shown under the table (besides the markers' footnotes).
    package var notes: [String]
    package var provenance: Provenance

    package init(
        id: String, title: String, sheetName: String, columns: [ReportColumn], rows: [ReportRow],
        groups: [ReportGroup] = [], groupColumns: [Int] = [], notes: [String] = [], provenance: Provenance
    ) {
        self.id = id
        self.title = title
        self.sheetName = sheetName
        self.columns = columns
        self.rows = rows
        self.groups = groups
        self.groupColumns = groupColumns
        self.notes = notes
        self.provenance = provenance
    }

    package var hasSuppressed: Bool { rows.contains { $0.cells.contains { $0.value.isSuppressed } } }
    package var hasIllustrative: Bool { rows.contains { $0.cells.contains(where: \.illustrative) } }

    /// The rows of one group.
    package func rows(in group: String) -> [ReportRow] { rows.filter { $0.group == group } }

    /// The columns a page shows: not the group's own columns when grouped, not the file-only ones.
    package var pageColumns: [Int] {
        columns.indices.filter { columns[$0].onPages && (groups.isEmpty || !groupColumns.contains($0)) }
    }
}
