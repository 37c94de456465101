import Foundation
import Reports
import Testing

/// CSV: one file per table plus provenance.csv; RFC 4180 by default, and with `excel` what a
/// Finnish or Swedish spreadsheet opens as numbers (BOM, `;`, decimal comma, ASCII minus).
struct ReportCSVTests {
    @Test func everyTableIsOneFileAndProvenanceNamesThemAll() throws {
        // Given the report with every section
        let report = try ReportFixtures.small()

        // When it is rendered as CSV
        let files = try ReportFixtures.render(report, .csv, language: "en")

        // Then there is a file per table and provenance.csv lists each with its command
        let names = files.map(\.name)
        #expect(
            names == [
                "key-figures.csv", "needs-by-region.csv", "needs-by-skill.csv", "shared-needs.csv", "gaps.csv",
                "paths.csv", "new-modules.csv", "service-concepts.csv", "consortia.csv", "provenance.csv",
            ])
        let provenance = String(decoding: try #require(files.last).data, as: UTF8.self)
        #expect(provenance.hasPrefix("table,title,command,rounds,responses,catalogue,data,note\r\n"))
        #expect(provenance.contains("needs-by-region.csv,"))
        #expect(provenance.contains("osaava analyze needs --by skill-group,region --db osaava-demo.sqlite"))
    }

    @Test func plainCSVIsRFC4180WithDecimalPointsAndEmptySuppressedCells() throws {
        // Given the needs-by-region and gaps files in Finnish, plain
        let files = try ReportFixtures.render(try ReportFixtures.small(), .csv, language: "fi")
        let byRegion = try text(files, "needs-by-region.csv")
        let gaps = try text(files, "gaps.csv")

        // Then fields are comma-separated with CRLF, numbers have no grouping, decimals a point,
        // the minus is ASCII, and a suppressed cell is an empty field
        #expect(!byRegion.hasPrefix("\u{FEFF}"))
        #expect(byRegion.contains("\r\n") && !byRegion.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(byRegion.contains(",,") || byRegion.contains(",\r\n"), "a suppressed cell is empty")
        #expect(gaps.contains(",1030.3,") && gaps.contains(",-7.5,"))
        // And a field holding the separator is quoted
        let modules = try text(files, "new-modules.csv")
        #expect(modules.contains(",\"Kokkola, Vaasa\","))
    }

    @Test func excelCSVHasABOMSemicolonsAndTheDecimalComma() throws {
        // Given the gaps file in Finnish for Excel
        let files = try ReportFixtures.render(try ReportFixtures.small(), .csv, language: "fi", excel: true)
        let gaps = try text(files, "gaps.csv")

        // Then it starts with a BOM, separates with ';', writes 1 030,25 as 1030,3 and −7,5 with an ASCII minus
        #expect(gaps.hasPrefix("\u{FEFF}"))
        #expect(gaps.contains(";1030,3;"))
        #expect(gaps.contains(";-7,5;"))
        #expect(!gaps.contains("\u{2212}") && !gaps.contains("\u{00A0}"))
        // And the English file keeps the decimal point
        let english = try text(
            try ReportFixtures.render(try ReportFixtures.small(), .csv, language: "en", excel: true), "gaps.csv")
        #expect(english.contains(";-7.5;"))
    }

    private func text(_ files: [ReportFile], _ name: String) throws -> String {
        String(decoding: try #require(files.first { $0.name == name }, "no \(name)").data, as: UTF8.self)
    }
}
