import Foundation

/// The report's tables as CSV files, one per table, plus `provenance.csv` saying where each comes
/// from. RFC 4180 (`,`, CRLF, numbers with a decimal point) by default; with `excel`, what a
/// spreadsheet in the report's language opens by double-click: a UTF-8 BOM, `;` between fields and
/// the language's decimal comma. A suppressed cell is empty; `provenance.csv` says so.
package struct ReportCSV: Sendable {
    let content: ReportContent
    let excel: Bool

    package init(_ content: ReportContent, excel: Bool = false) {
        self.content = content
        self.excel = excel
    }

    private var separator: String { excel ? ";" : "," }
    private var number: NumberStyle { excel ? .spreadsheet(language: content.language) : .plain }

    package func files() -> [ReportFile] {
        content.tables.map { ReportFile(name: $0.id + ".csv", data: encode(lines(of: $0))) }
            + [ReportFile(name: "provenance.csv", data: encode(provenance()))]
    }

    package func lines(of table: ReportTable) -> [[String]] {
        [table.columns.map(\.label)] + table.rows.map { row in row.cells.map { number.field($0.value) } }
    }

    private func provenance() -> [[String]] {
        let header = ["table", "title", "command", "rounds", "responses", "catalogue", "data", "note"]
        return [header]
            + content.tables.map { table in
                let source = table.provenance
                return [
                    table.id + ".csv", table.title, source.command, source.rounds.joined(separator: " "),
                    String(source.responses), source.catalog, source.data,
                    table.hasSuppressed ? content.texts.emptySuppressed : "",
                ]
            }
    }

    private func encode(_ lines: [[String]]) -> Data {
        let text = lines.map { $0.map(quote).joined(separator: separator) }.joined(separator: "\r\n") + "\r\n"
        return Data(((excel ? "\u{FEFF}" : "") + text).utf8)
    }

    private func quote(_ field: String) -> String {
        // `isNewline`: Swift reads "\r\n" as one Character, equal to neither "\r" nor "\n".
        let special = field.contains { $0 == "\"" || $0.isNewline || String($0) == separator }
        return special ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }
}
