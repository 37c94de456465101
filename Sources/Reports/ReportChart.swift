/// The charts of the HTML report, as data: what to draw and the text alternative that says the
/// same in words. Suppressed values have no bar length and no colour, only the marker.

package struct BarChart: Sendable, Hashable {
    package struct Bar: Sendable, Hashable {
        package var label: String
        /// nil when suppressed.
        package var value: Double?
        /// The value as the report's language writes it (or the marker).
        package var display: String
        package var illustrative: Bool

        package init(label: String, value: Double?, display: String, illustrative: Bool = false) {
            self.label = label
            self.value = value
            self.display = display
            self.illustrative = illustrative
        }
    }

    package var id: String
    package var title: String
    /// The text alternative: every bar's label and value in words.
    package var description: String
    package var bars: [Bar]

    package init(id: String, title: String, description: String, bars: [Bar]) {
        self.id = id
        self.title = title
        self.description = description
        self.bars = bars
    }
}

package struct HeatMap: Sendable, Hashable {
    package struct Cell: Sendable, Hashable {
        /// nil when suppressed.
        package var value: Int?
        package var display: String

        package init(value: Int?, display: String) {
            self.value = value
            self.display = display
        }
    }

    package var id: String
    package var title: String
    package var description: String
    package var rowLabels: [String]
    package var columnLabels: [String]
    /// cells[row][column].
    package var cells: [[Cell]]
    /// Legend words for the light and the dark end of the scale.
    package var fewer: String
    package var more: String
    /// The legend's word for the hatched swatch.
    package var suppressed: String

    package init(
        id: String, title: String, description: String, rowLabels: [String], columnLabels: [String],
        cells: [[Cell]], fewer: String, more: String, suppressed: String
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cells = cells
        self.fewer = fewer
        self.more = more
        self.suppressed = suppressed
    }
}

package enum ReportChart: Sendable, Hashable {
    case bars(BarChart)
    case heatMap(HeatMap)

    package var id: String {
        switch self {
        case .bars(let chart): chart.id
        case .heatMap(let chart): chart.id
        }
    }

    package var title: String {
        switch self {
        case .bars(let chart): chart.title
        case .heatMap(let chart): chart.title
        }
    }
}
