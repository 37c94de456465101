import Catalog
import Foundation

/// The steering-group summary as Markdown. Every number comes from a suppressed table; a
/// suppressed cell shows `..` (Statistics Finland's symbol for confidential data), explained in a
/// footnote under the table and in the methods.
package struct MarkdownReport: Sendable {
    package static let suppressedMarker = ReportContent.suppressedMarker
    package static let illustrativeMarker = ReportContent.illustrativeMarker

    let content: ReportContent

    package init(_ report: SteeringReport, language: String, stamp: String? = nil) {
        content = ReportContent(report, language: language, stamp: stamp)
    }

    package init(_ content: ReportContent) {
        self.content = content
    }

    package func render() -> String {
        var out: [String] = ["# " + content.title, ""]
        for notice in content.notices { out += ["> **" + notice + "**", ""] }
        if let generated = content.generated { out += ["_" + generated + "_", ""] }
        for table in content.tables { out += section(table) }
        out += ["## " + content.methodsTitle, ""]
        for paragraph in content.methods { out += [paragraph, ""] }
        out.append("_" + content.texts.provenance + "_")
        return out.joined(separator: "\n") + "\n"
    }

    private func section(_ table: ReportTable) -> [String] {
        var out = ["## " + table.title, ""]
        if table.rows.isEmpty { return out + [content.texts.none, ""] }
        if table.groups.isEmpty {
            out += grid(table, columns: table.pageColumns, rows: table.rows)
        } else {
            let shown = table.pageColumns
            for group in table.groups {
                out += ["### " + group.title, "", group.summary, ""]
                let rows = table.rows(in: group.id)
                if !rows.isEmpty { out += grid(table, columns: shown, rows: rows) }
            }
        }
        for note in table.notes { out += [note, ""] }
        if table.hasSuppressed { out += ["`\(Self.suppressedMarker)` " + content.texts.suppressed, ""] }
        if table.hasIllustrative { out += [content.texts.illustrative, ""] }
        return out + ["_" + content.texts.source("`\(table.provenance.command)`") + "_", ""]
    }

    private func grid(_ table: ReportTable, columns: [Int], rows: [ReportRow]) -> [String] {
        let header = columns.map { escape(table.columns[$0].label) }
        let rule = columns.map { table.columns[$0].isNumeric ? "---:" : "---" }
        var out = ["| " + header.joined(separator: " | ") + " |", "|" + rule.joined(separator: "|") + "|"]
        for row in rows {
            let cells = columns.enumerated().map { position, column -> String in
                let text = escape(content.number.display(row.cells[column]))
                return row.isTotal && position == 0 ? "**\(text)**" : text
            }
            out.append("| " + cells.joined(separator: " | ") + " |")
        }
        return out + [""]
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
