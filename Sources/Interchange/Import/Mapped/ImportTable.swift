import Foundation

/// One table of an export — a CSV file, a CSV inside ODK's zip, or a worksheet — with the line
/// (or spreadsheet row) of its header and of every row.
package struct ImportTable: Sendable {
    /// Named when the export has several tables (`household-needs.csv`, sheet `needs`), for messages.
    package var name: String?
    package var header: [String]
    package var headerLine: Int
    package var rows: [CSVTable.Row]

    package init(name: String?, header: [String], headerLine: Int, rows: [CSVTable.Row]) {
        self.name = name
        self.header = header
        self.headerLine = headerLine
        self.rows = rows
    }

    init(_ csv: CSVTable, name: String?) {
        self.init(name: name, header: csv.header, headerLine: csv.headerLine, rows: csv.rows)
    }

    /// A worksheet's first row is its header.
    init?(_ sheet: Worksheet, named: Bool) {
        guard let first = sheet.rows.first else { return nil }
        self.init(
            name: named ? sheet.name : nil, header: first.fields.map { $0.trimmingCharacters(in: .whitespaces) },
            headerLine: first.line, rows: Array(sheet.rows.dropFirst()))
        dropTagRow()
    }

    /// Kobo adds a row of HXL hashtags (`#adm1`) under the header when the form has them: that row
    /// is not a response.
    mutating func dropTagRow() {
        if let tags = rows.first, tags.fields.contains(where: { !$0.isEmpty }),
            tags.fields.allSatisfy({ $0.isEmpty || $0.hasPrefix("#") })
        {
            rows.removeFirst()
        }
    }

    /// The index of the first column whose header is `name` (case- and diacritics-insensitively).
    func column(_ name: String) -> Int? {
        let wanted = ImportText.fold(name)
        return header.firstIndex { ImportText.fold($0) == wanted }
    }

    /// The first of `names` the header has.
    func column(anyOf names: [String]) -> Int? {
        for name in names {
            if let index = column(name) { return index }
        }
        return nil
    }

    func value(_ row: CSVTable.Row, _ column: Int?) -> String {
        guard let column, column < row.fields.count else { return "" }
        return row.fields[column]
    }
}

/// Comparing what people type and what spreadsheets keep: case, diacritics, width and runs of
/// spaces (Excel and web forms add no-break spaces and double spaces) do not matter.
package enum ImportText {
    package static func fold(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
        return folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
