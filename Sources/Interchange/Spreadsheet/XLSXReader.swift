import Foundation

/// One worksheet of a workbook: its name and its non-empty rows, each with its spreadsheet row number.
package struct Worksheet: Sendable {
    package var name: String
    package var rows: [CSVTable.Row]
}

/// Reads the cell values of an `.xlsx` workbook (Office Open XML): sheet names through
/// `xl/workbook.xml` and its relationships, shared and inline strings, numbers as written.
package enum XLSXReader {
    package static func read(_ data: Data) throws(ContainerError) -> [Worksheet] {
        guard ZipEntries.isZip(data) else {
            throw ContainerError("is not an .xlsx workbook (no ZIP container); save it from Excel as .xlsx")
        }
        let zip = try ZipEntries(data, what: "workbook")
        guard let workbookXML = zip.files["xl/workbook.xml"] else {
            throw ContainerError("is not an .xlsx workbook (it has no xl/workbook.xml); save it from Excel as .xlsx")
        }
        var workbook = WorkbookReader()
        try SheetXML.read(workbookXML, part: "xl/workbook.xml", into: &workbook)
        var relationships = RelationshipsReader()
        if let rels = zip.files["xl/_rels/workbook.xml.rels"] {
            try SheetXML.read(rels, part: "xl/_rels/workbook.xml.rels", into: &relationships)
        }
        var shared: [String] = []
        let sharedPath = relationships.sharedStrings ?? "xl/sharedStrings.xml"
        if let sharedXML = zip.files[sharedPath] {
            var reader = SharedStringsReader()
            try SheetXML.read(sharedXML, part: sharedPath, into: &reader)
            shared = reader.strings
        }
        var sheets: [Worksheet] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            // Writers that leave out the relationships use the conventional part names.
            let path = relationships.targets[sheet.relationship] ?? "xl/worksheets/sheet\(index + 1).xml"
            guard let xml = zip.files[path] else {
                throw ContainerError("is not a complete workbook: sheet \"\(sheet.name)\" has no part \(path)")
            }
            var reader = WorksheetReader(shared: shared)
            try SheetXML.read(xml, part: path, into: &reader)
            if let reference = reader.badReference {
                throw ContainerError(
                    "is not a complete workbook: cell \(reference) of sheet \"\(sheet.name)\" refers to a shared "
                        + "string it does not have; open it in Excel and save it again")
            }
            let rows = reader.rows.filter { !$0.cells.allSatisfy(\.isEmpty) }
                .map { CSVTable.Row(line: $0.number, fields: $0.cells) }
            sheets.append(Worksheet(name: sheet.name, rows: rows))
        }
        guard !sheets.isEmpty else { throw ContainerError("has no worksheet; export it again") }
        return sheets
    }
}
