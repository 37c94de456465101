import Foundation
import Reports
import Testing
import ZIPFoundation

/// The XLSX workbook: OOXML parts written by Osaava, zipped with fixed dates; one sheet per
/// table with numbers as numbers, a frozen header and set widths; opened by openpyxl and
/// LibreOffice as another program would, every cell compared with the JSON export.
struct XLSXReportTests {
    private func workbook(_ report: SteeringReport, _ language: String) throws -> Data {
        try ReportFixtures.data(report, .xlsx, language: language)
    }

    private func parts(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = bytes
        }
        return parts
    }

    @Test func theSameReportGivesTheSameBytes() throws {
        // Given the demo report rendered twice
        let report = try ReportFixtures.demo()

        // Then the two workbooks are identical
        #expect(try workbook(report, "fi") == (try workbook(report, "fi")))
    }

    @Test func everyEntryHasTheFixedDateAndThePartsAWorkbookNeeds() throws {
        // Given the workbook of the report with every section
        let data = try workbook(try ReportFixtures.small(), "en")
        let archive = try Archive(data: data, accessMode: .read)

        // Then each entry is dated 1980-01-01 00:00 UTC and the OOXML parts are there, one sheet per
        // table and a methods sheet
        let paths = archive.map(\.path)
        for entry in archive {
            let date = try #require(entry.fileAttributes[.modificationDate] as? Date)
            #expect(date.timeIntervalSince1970 == 315_532_800, "\(entry.path)")
        }
        for part in [
            "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
            "xl/sharedStrings.xml", "docProps/core.xml", "docProps/app.xml",
        ] {
            #expect(paths.contains(part), "\(part)")
        }
        #expect(paths.filter { $0.hasPrefix("xl/worksheets/sheet") }.count == 10)
    }

    @Test func numbersAreNumericCellsAndSuppressedCellsAreEmptyAndGrey() throws {
        // Given the needs-by-region sheet of the small report
        let parts = try parts(workbook(try ReportFixtures.small(), "fi"))
        let sheet = String(decoding: try #require(parts["xl/worksheets/sheet2.xml"]), as: UTF8.self)

        // Then the header row is frozen, widths are set, numbers carry no type (numeric) and the
        // suppressed style (5) has no value
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<cols><col min=\"1\" max=\"1\" width="))
        #expect(sheet.contains(try #require(sheet.firstMatch(of: /<c r="B\d+" s="2"><v>\d+<\/v><\/c>/)).output))
        #expect(sheet.contains(/<c r="[A-Z]+\d+" s="5"\/>/))
        #expect(!sheet.contains(/s="5"><v>/))
    }

    @Test(arguments: [("demo", "fi"), ("small", "en"), ("small", "sv")])
    func openpyxlOpensEverySheetAndEveryCellEqualsTheJSONExport(fixture: String, language: String) throws {
        // Given a report as XLSX and as JSON
        let python = try ExternalTools.requirePython()
        let report = fixture == "demo" ? try ReportFixtures.demo() : try ReportFixtures.small()
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.xlsx")
        try workbook(report, language).write(to: file)
        let json = try ReportFixtures.json(report, language: language)
        let tables = try #require(json["tables"] as? [[String: Any]])

        // When openpyxl reads the workbook (warnings are errors: nothing to repair)
        let script = ReportFixtures.root.appendingPathComponent("Tests/ReportsTests/Scripts/xlsx_cells.py")
        let run = try ExternalTools.run(python, [script.path, file.path])
        try #require(run.status == 0, "openpyxl failed: \(run.stderr)")
        let sheets = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]])

        // Then there is a sheet per table and a methods sheet; each has a frozen header, a width
        // per column, the column labels, and every cell equals the JSON export's
        #expect(sheets.count == tables.count + 1)
        var compared = 0
        for (table, sheet) in zip(tables, sheets) {
            let id = table["id"] as? String ?? "?"
            let columns = try #require(table["columns"] as? [[String: Any]])
            let values = try #require(sheet["values"] as? [[Any]])
            let types = try #require(sheet["types"] as? [[String]])
            #expect(sheet["frozen"] as? String == "A2", "\(id)")
            #expect((sheet["widths"] as? [String: Any])?.count == columns.count, "\(id)")
            #expect(values.first?.compactMap { $0 as? String } == columns.compactMap { $0["label"] as? String })
            for (index, row) in try #require(table["rows"] as? [[String: Any]]).enumerated() {
                let cells = try #require(row["cells"] as? [[String: Any]])
                for (column, cell) in cells.enumerated() {
                    let actual = column < values[index + 1].count ? values[index + 1][column] : NSNull()
                    let type = column < types[index + 1].count ? types[index + 1][column] : "n"
                    try expectEqual(cell, actual, type: type, at: "\(id) row \(index + 1) column \(column + 1)")
                    compared += 1
                }
            }
        }
        #expect(compared > 50)
        let methods = try #require(sheets.last?["values"] as? [[Any]])
        #expect(methods.first?.first as? String == json["title"] as? String)
    }

    private func expectEqual(_ cell: [String: Any], _ actual: Any, type: String, at place: String) throws {
        let illustrative = cell["illustrative"] as? Bool == true
        switch cell["value"] {
        case let text as String:
            #expect(actual as? String == text + (illustrative ? " †" : ""), "\(place)")
            #expect(type == "s", "\(place): text is a string cell")
        case let number as NSNumber:
            let value = try #require(actual as? NSNumber, "\(place): \(actual) is not a number")
            #expect(abs(value.doubleValue - number.doubleValue) < 1e-9, "\(place)")
            #expect(type == "n", "\(place): a number is a numeric cell")
        default:
            #expect(actual is NSNull, "\(place): a suppressed or empty cell is empty, not \(actual)")
        }
    }

    @Test func libreOfficeConvertsTheWorkbook() throws {
        // Given the demo workbook in Swedish
        let soffice = try ExternalTools.require("soffice")
        let folder = try ReportFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("report.xlsx")
        try workbook(try ReportFixtures.demo(), "sv").write(to: file)

        // When LibreOffice, headless, converts it to CSV (its first sheet)
        let run = try ExternalTools.run(
            soffice,
            [
                "-env:UserInstallation=file://\(folder.path)/profile", "--headless", "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", folder.path, file.path,
            ], timeout: 180)

        // Then it succeeds and the key figures are there as numbers
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOf: folder.appendingPathComponent("report.csv"), encoding: .utf8)
        #expect(csv.contains("Svar,100"), "\(csv)")
        #expect(csv.contains("Organisationer,100"), "\(csv)")
    }
}
