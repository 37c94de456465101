import Foundation

/// The report as an XLSX workbook, its OOXML parts written here: one sheet per table (header row
/// frozen, column widths set, numbers as numeric cells, suppressed cells empty and grey with a note
/// under the table), then a methods sheet. The same content gives the same bytes.
package struct XLSXReport: Sendable {
    let content: ReportContent
    let stamp: String?

    package init(_ content: ReportContent, stamp: String? = nil) {
        self.content = content
        self.stamp = stamp
    }

    package func render() throws -> Data {
        var strings = SharedStrings()
        let sheets = uniqueNames(content.tables.map(sheet) + [methods()])
        var parts: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml(strings: &strings)))
        }
        parts =
            [
                ("[Content_Types].xml", contentTypes(sheets.count)), ("_rels/.rels", Self.packageRelationships),
                ("docProps/app.xml", Self.app), ("docProps/core.xml", core()), ("xl/workbook.xml", workbook(sheets)),
                ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)), ("xl/styles.xml", XLSXStyle.xml),
                ("xl/sharedStrings.xml", strings.xml),
            ] + parts
        return try XLSXArchive.zip(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    // MARK: - Sheets

    private func sheet(_ table: ReportTable) -> XLSXSheet {
        var sheet = XLSXSheet(name: table.sheetName)
        sheet.rows.append(table.columns.map { .string($0.label, .header) })
        for row in table.rows {
            sheet.rows.append(
                row.cells.map { cell -> XLSXSheet.Cell? in
                    let style = XLSXStyle.of(cell.value, total: row.isTotal)
                    switch cell.value {
                    case .text(let text, _):
                        return .string(cell.illustrative ? text + " " + ReportContent.illustrativeMarker : text, style)
                    case .integer(let value): return .number(String(value), style)
                    case .decimal(let value, let places):
                        return .number(NumberStyle.plain.decimal(value, places: places), style)
                    case .percent(let share): return .number(NumberStyle.plain.decimal(share, places: 2), style)
                    case .suppressed: return .blank(style)
                    case .empty: return nil
                    }
                })
        }
        if table.rows.isEmpty { sheet.rows.append([.string(content.texts.none, .plain)]) }
        var notes = table.notes
        if table.hasSuppressed { notes.append(content.texts.emptySuppressed) }
        if table.hasIllustrative { notes.append(content.texts.illustrative) }
        notes.append(content.texts.source(table.provenance.command))
        sheet.rows.append([])
        sheet.rows += notes.map { [.string($0, .note)] }
        sheet.widths = table.columns.indices.map { column in
            let texts = [table.columns[column].label] + table.rows.map { content.number.display($0.cells[column]) }
            let longest = texts.map(\.count).max() ?? 8
            return Double(min(60, max(9, longest + 2)))
        }
        return sheet
    }

    private func methods() -> XLSXSheet {
        var sheet = XLSXSheet(name: content.texts.methodsSheet, frozenHeader: false)
        sheet.rows.append([.string(content.title, .title)])
        sheet.rows += content.notices.map { [.string($0, .paragraph)] }
        if let generated = content.generated { sheet.rows.append([.string(generated, .note)]) }
        sheet.rows.append([.string(content.methodsTitle, .totalText)])
        sheet.rows += content.methods.map { [.string($0, .paragraph)] }
        sheet.rows.append([])
        sheet.rows.append([.string(content.texts.emptySuppressed, .paragraph)])
        sheet.rows.append([.string(content.texts.provenance, .paragraph)])
        sheet.widths = [110]
        return sheet
    }

    /// Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, unique.
    private func uniqueNames(_ sheets: [XLSXSheet]) -> [XLSXSheet] {
        var used: Set<String> = []
        return sheets.map { sheet in
            var copy = sheet
            let clean = String(sheet.name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
            var name = clean.isEmpty ? "Sheet" : clean
            var counter = 2
            while used.contains(name.lowercased()) {
                let suffix = " \(counter)"
                name = String(clean.prefix(31 - suffix.count)) + suffix
                counter += 1
            }
            used.insert(name.lowercased())
            copy.name = name
            return copy
        }
    }

    // MARK: - Package parts

    private func contentTypes(_ sheets: Int) -> String {
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let overrides = (1...max(sheets, 1)).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"\(main).worksheet+xml\"/>"
        }
        return Self.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(main).sheet.main+xml\"/>"
            + overrides.joined()
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(main).sharedStrings+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + "</Types>"
    }

    private static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let packageRelationships =
        declaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "<Relationship Id=\"rId2\" "
        + "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
        + "Target=\"docProps/core.xml\"/>"
        + "<Relationship Id=\"rId3\" Type=\"\(relationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
        + "</Relationships>"

    private static let app =
        declaration
        + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
        + "<Application>Osaava</Application></Properties>"

    private func core() -> String {
        var out =
            Self.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
            + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<dc:title>\(XMLText.escape(content.title))</dc:title><dc:creator>Osaava</dc:creator>"
            + "<dc:language>\(XMLText.escape(content.language))</dc:language>"
        if let stamp {
            out += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(XMLText.escape(stamp))</dcterms:created>"
        }
        return out + "</cp:coreProperties>"
    }

    private func workbook(_ sheets: [XLSXSheet]) -> String {
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(XMLText.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return Self.declaration
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"\(Self.relationships)\">"
            + "<bookViews><workbookView/></bookViews><sheets>" + entries.joined() + "</sheets></workbook>"
    }

    private func workbookRelationships(_ sheets: Int) -> String {
        let entries = (1...max(sheets, 1)).map {
            "<Relationship Id=\"rId\($0)\" Type=\"\(Self.relationships)/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
        }
        return Self.declaration
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + entries.joined()
            + "<Relationship Id=\"rId\(sheets + 1)\" Type=\"\(Self.relationships)/styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(sheets + 2)\" Type=\"\(Self.relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>"
    }
}
