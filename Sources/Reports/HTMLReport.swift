import Foundation

/// The steering-group summary as one self-contained HTML page: inline CSS, inline SVG charts drawn
/// here, no script and nothing fetched. Tables have captions and scoped headers; every chart is an
/// `<svg role="img">` with a title and a description that says its data in words.
package struct HTMLReport: Sendable {
    let content: ReportContent

    package init(_ content: ReportContent) {
        self.content = content
    }

    package init(_ report: SteeringReport, language: String, stamp: String? = nil) {
        content = ReportContent(report, language: language, stamp: stamp)
    }

    package func render() -> String {
        var out = [
            "<!DOCTYPE html>",
            "<html lang=\"\(HTMLText.escape(content.language))\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTMLText.escape(content.title))</title>",
            "<style>\n\(HTMLStyle.css)\n</style>",
            "</head>",
            "<body>",
            "<div class=\"page\">",
            "<header>",
            "<h1>\(HTMLText.escape(content.title))</h1>",
        ]
        for notice in content.notices { out.append("<p class=\"notice\" role=\"note\">\(HTMLText.escape(notice))</p>") }
        if let generated = content.generated { out.append("<p class=\"stamp\">\(HTMLText.escape(generated))</p>") }
        out.append("</header>")
        out += contents()
        out.append("<main>")
        for table in content.tables { out += section(table) }
        out += methods()
        out += ["</main>", "</div>", "</body>", "</html>"]
        return out.joined(separator: "\n") + "\n"
    }

    private func contents() -> [String] {
        let items = content.tables.map { ($0.id, $0.title) } + [("methods", content.methodsTitle)]
        return [
            "<nav aria-labelledby=\"contents-title\">",
            "<h2 id=\"contents-title\">\(HTMLText.escape(content.texts.contents))</h2>",
            "<ol>",
        ] + items.map { "<li><a href=\"#\($0.0)\">\(HTMLText.escape($0.1))</a></li>" } + ["</ol>", "</nav>"]
    }

    private func section(_ table: ReportTable) -> [String] {
        var out = [
            "<section id=\"\(table.id)\" aria-labelledby=\"\(table.id)-title\">",
            "<h2 id=\"\(table.id)-title\">\(HTMLText.escape(table.title))</h2>",
        ]
        let charts = content.charts(for: table.id)
        if !charts.isEmpty && !table.rows.isEmpty {
            out.append("<div class=\"charts\">")
            for chart in charts { out += figure(chart) }
            out.append("</div>")
        }
        if table.rows.isEmpty {
            out.append("<p>\(HTMLText.escape(content.texts.none))</p>")
        } else if table.id == "key-figures" {
            out += figures(table)
        } else if table.groups.isEmpty {
            out += grid(table, caption: table.title, columns: table.pageColumns, rows: table.rows)
        } else {
            let shown = table.pageColumns
            for group in table.groups {
                out.append("<div class=\"group\">")
                out.append("<h3 id=\"\(table.id)-\(HTMLText.escape(group.id))\">\(HTMLText.escape(group.title))</h3>")
                out.append("<p>\(HTMLText.escape(group.summary))</p>")
                let rows = table.rows(in: group.id)
                if !rows.isEmpty { out += grid(table, caption: group.title, columns: shown, rows: rows) }
                out.append("</div>")
            }
        }
        for note in table.notes { out.append("<p class=\"note\">\(HTMLText.escape(note))</p>") }
        if table.hasSuppressed {
            out.append(
                "<p class=\"note\"><span class=\"sup\">\(ReportContent.suppressedMarker)</span> "
                    + "\(HTMLText.escape(content.texts.suppressed))</p>")
        }
        if table.hasIllustrative { out.append("<p class=\"note\">\(HTMLText.escape(content.texts.illustrative))</p>") }
        out.append(
            "<p class=\"source\">"
                + HTMLText.escape(content.texts.source("\u{1}")).replacingOccurrences(
                    of: "\u{1}", with: "<code>\(HTMLText.escape(table.provenance.command))</code>") + "</p>")
        out.append("</section>")
        return out
    }

    /// Key figures as large numbers.
    private func figures(_ table: ReportTable) -> [String] {
        ["<dl class=\"figures\">"]
            + table.rows.map { row in
                let label = row.cells.first.map(content.number.display) ?? ""
                let value = row.cells.dropFirst().first.map(cellText) ?? ""
                return "<div><dt>\(HTMLText.escape(label))</dt><dd>\(value)</dd></div>"
            } + ["</dl>"]
    }

    private func grid(_ table: ReportTable, caption: String, columns: [Int], rows: [ReportRow]) -> [String] {
        var out = [
            "<div class=\"table-wrap\(rows.count <= 15 ? " short" : "")\" role=\"region\" "
                + "aria-label=\"\(HTMLText.escape(caption))\" tabindex=\"0\">",
            "<table>",
            "<caption>\(HTMLText.escape(caption))</caption>",
            "<thead><tr>"
                + columns.map { column in
                    let kind = table.columns[column]
                    return
                        "<th scope=\"col\"\(kind.isNumeric ? " class=\"num\"" : "")>\(HTMLText.escape(kind.label))</th>"
                }.joined() + "</tr></thead>",
            "<tbody>",
        ]
        for row in rows {
            let cells = columns.enumerated().map { position, column -> String in
                let cell = row.cells[column]
                let numeric = table.columns[column].isNumeric
                var classes: [String] = []
                if numeric { classes.append("num") }
                if cell.value.isSuppressed { classes.append("sup") }
                let attributes = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                if position == 0 { return "<th scope=\"row\"\(attributes)>\(cellText(cell))</th>" }
                return "<td\(attributes)>\(cellText(cell))</td>"
            }
            out.append("<tr\(row.isTotal ? " class=\"total\"" : "")>" + cells.joined() + "</tr>")
        }
        return out + ["</tbody>", "</table>", "</div>"]
    }

    /// A cell's text; the suppressed marker carries its meaning as a tooltip.
    private func cellText(_ cell: ReportCell) -> String {
        if cell.value.isSuppressed {
            return
                "<abbr title=\"\(HTMLText.escape(content.texts.suppressed))\">\(ReportContent.suppressedMarker)</abbr>"
        }
        return HTMLText.escape(content.number.display(cell))
    }

    private func figure(_ chart: ReportChart) -> [String] {
        switch chart {
        case .bars(let bars):
            return [
                "<figure class=\"bars\">", "<figcaption>\(HTMLText.escape(bars.title))</figcaption>",
                SVGBarChart(chart: bars).render(), "</figure>",
            ]
        case .heatMap(let heat):
            return [
                "<figure class=\"wide\">", "<figcaption>\(HTMLText.escape(heat.title))</figcaption>",
                "<div class=\"scroll\" role=\"region\" aria-label=\"\(HTMLText.escape(heat.title))\" tabindex=\"0\">",
                SVGHeatMap(chart: heat).render(), "</div>", "</figure>",
            ]
        }
    }

    private func methods() -> [String] {
        [
            "<section id=\"methods\" aria-labelledby=\"methods-title\">",
            "<h2 id=\"methods-title\">\(HTMLText.escape(content.methodsTitle))</h2>",
        ]
            + content.methods.map { "<p>\(HTMLText.escape($0))</p>" }
            + [
                "<p class=\"note\"><span class=\"sup\">\(ReportContent.suppressedMarker)</span> \(HTMLText.escape(content.texts.suppressed))</p>",
                "<p class=\"source\">\(HTMLText.escape(content.texts.provenance))</p>", "</section>",
            ]
    }
}
