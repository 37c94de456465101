/// A heat map as inline SVG: rows (skill groups) by columns (regions), each cell coloured by its
/// class and labelled with its value; a suppressed cell is hatched and shows only the marker.
struct SVGHeatMap {
    let chart: HeatMap

    static let labelWidth = 196.0
    static let cellWidth = 54.0
    static let cellHeight = 38.0
    static let headerHeight = 78.0
    static let rightRoom = 58.0
    static let legendHeight = 44.0

    func render() -> String {
        let id = chart.id
        let columns = Double(chart.columnLabels.count)
        let rows = Double(chart.rowLabels.count)
        let width = Self.labelWidth + columns * Self.cellWidth + Self.rightRoom
        let gridBottom = Self.headerHeight + rows * Self.cellHeight
        let height = gridBottom + Self.legendHeight
        let maximum = chart.cells.flatMap { $0 }.compactMap(\.value).max() ?? 0
        var out = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 \(HTMLText.coordinate(width)) "
                + "\(HTMLText.coordinate(height))\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart heat\">",
            "<title id=\"\(id)-title\">\(HTMLText.escape(chart.title))</title>",
            "<desc id=\"\(id)-desc\">\(HTMLText.escape(chart.description))</desc>",
            SVGPatterns.hatch(id: "\(id)-hatch"),
        ]
        for (index, label) in chart.columnLabels.enumerated() {
            let x = Self.labelWidth + (Double(index) + 0.5) * Self.cellWidth
            out.append(
                "<text transform=\"translate(\(HTMLText.coordinate(x - 4)),\(HTMLText.coordinate(Self.headerHeight - 6))) "
                    + "rotate(-45)\" font-size=\"12\" fill=\"\(ChartPalette.ink)\">"
                    + "\(HTMLText.escape(SVGText.clip(label, to: 16)))</text>")
        }
        for (row, label) in chart.rowLabels.enumerated() {
            let top = Self.headerHeight + Double(row) * Self.cellHeight
            let lines = SVGText.wrap(label, width: 30, lines: 3)
            let first = top + Self.cellHeight / 2 - Double(lines.count - 1) * 6.5 + 4
            let spans = lines.enumerated().map { index, line in
                "<tspan x=\"\(HTMLText.coordinate(Self.labelWidth - 8))\" y=\"\(HTMLText.coordinate(first + Double(index) * 13))\">"
                    + "\(HTMLText.escape(line))</tspan>"
            }
            out.append(
                "<text text-anchor=\"end\" font-size=\"11.5\" fill=\"\(ChartPalette.ink)\">" + spans.joined()
                    + "</text>")
            for (column, cell) in chart.cells[row].enumerated() {
                let x = Self.labelWidth + Double(column) * Self.cellWidth
                out.append(self.cell(cell, x: x, y: top, maximum: maximum, hatch: "\(id)-hatch"))
            }
        }
        out.append(legend(y: gridBottom + 14, hatch: "\(id)-hatch"))
        out.append("</svg>")
        return out.joined(separator: "\n")
    }

    private func cell(_ cell: HeatMap.Cell, x: Double, y: Double, maximum: Int, hatch: String) -> String {
        let fill: String
        let ink: String
        if let value = cell.value {
            fill =
                value == 0 ? ChartPalette.paper : ChartPalette.classes[ChartPalette.heatClass(value, maximum: maximum)]
            ink = ChartPalette.text(on: fill)
        } else {
            fill = "url(#\(hatch))"
            ink = ChartPalette.ink
        }
        let halo =
            cell.value == nil ? " stroke=\"\(ChartPalette.paper)\" stroke-width=\"4\" paint-order=\"stroke\"" : ""
        return "<g><rect x=\"\(HTMLText.coordinate(x + 1))\" y=\"\(HTMLText.coordinate(y + 1))\" "
            + "width=\"\(HTMLText.coordinate(Self.cellWidth - 2))\" height=\"\(HTMLText.coordinate(Self.cellHeight - 2))\" "
            + "fill=\"\(fill)\" stroke=\"\(ChartPalette.grid)\"/>"
            + "<text x=\"\(HTMLText.coordinate(x + Self.cellWidth / 2))\" y=\"\(HTMLText.coordinate(y + Self.cellHeight / 2 + 4.5))\" "
            + "text-anchor=\"middle\" font-size=\"12.5\" font-weight=\"\(cell.value == nil ? "700" : "400")\" "
            + "fill=\"\(ink)\"\(halo)>\(HTMLText.escape(cell.display))</text></g>"
    }

    /// Fewer ▢▢▢▢▢ more, and the hatched swatch with the marker.
    private func legend(y: Double, hatch: String) -> String {
        var out = [
            "<g class=\"legend\" font-size=\"12\" fill=\"\(ChartPalette.ink)\">",
            "<text x=\"\(HTMLText.coordinate(Self.labelWidth - 8))\" y=\"\(HTMLText.coordinate(y + 13))\" "
                + "text-anchor=\"end\">\(HTMLText.escape(chart.fewer))</text>",
        ]
        for (index, colour) in ChartPalette.classes.enumerated() {
            let x = Self.labelWidth + Double(index) * 26
            out.append(
                "<rect x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" width=\"24\" height=\"18\" "
                    + "fill=\"\(colour)\" stroke=\"\(ChartPalette.grid)\"/>")
        }
        let after = Self.labelWidth + Double(ChartPalette.classes.count) * 26 + 4
        out.append(
            "<text x=\"\(HTMLText.coordinate(after))\" y=\"\(HTMLText.coordinate(y + 13))\">\(HTMLText.escape(chart.more))</text>"
        )
        let swatch = after + 70
        out.append(
            "<rect x=\"\(HTMLText.coordinate(swatch))\" y=\"\(HTMLText.coordinate(y))\" width=\"24\" height=\"18\" "
                + "fill=\"url(#\(hatch))\" stroke=\"\(ChartPalette.hatchLine)\"/>")
        out.append(
            "<text x=\"\(HTMLText.coordinate(swatch + 30))\" y=\"\(HTMLText.coordinate(y + 13))\">"
                + "\(HTMLText.escape(ReportContent.suppressedMarker + " = " + chart.suppressed))</text>")
        out.append("</g>")
        return out.joined(separator: "\n")
    }
}
