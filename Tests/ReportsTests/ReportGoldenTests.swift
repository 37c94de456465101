import Foundation
import Reports
import Testing

/// What a reader gets, byte for byte, in every language: Markdown, HTML, JSON and CSV of the small
/// report that has every section (golden files in Golden/, re-recorded with RECORD_SNAPSHOTS=1).
struct ReportGoldenTests {
    @Test(arguments: ReportFixtures.languages)
    func markdownMatchesItsGoldenFile(language: String) throws {
        // Given the report with every section
        let report = try ReportFixtures.small()

        // When it is rendered as Markdown
        let files = try ReportFixtures.render(report, .md, language: language)

        // Then it is the recorded text
        try ReportGolden.check(try #require(files.first?.data), "report-all-sections-\(language).md")
    }

    @Test(arguments: ReportFixtures.languages)
    func jsonMatchesItsGoldenFile(language: String) throws {
        // Given the report with every section
        let report = try ReportFixtures.small()

        // When it is rendered as JSON
        let files = try ReportFixtures.render(report, .json, language: language)

        // Then it is the recorded document
        try ReportGolden.check(try #require(files.first?.data), "report-\(language).json")
    }

    @Test(arguments: ReportFixtures.languages)
    func csvFilesMatchTheirGoldenFiles(language: String) throws {
        // Given the report with every section
        let report = try ReportFixtures.small()

        // When it is rendered as CSV, plain and for Excel
        let plain = try ReportFixtures.render(report, .csv, language: language)
        let excel = try ReportFixtures.render(report, .csv, language: language, excel: true)

        // Then every file is the recorded one
        for file in plain { try ReportGolden.check(file.data, "report-\(language).csv/\(file.name)") }
        for file in excel { try ReportGolden.check(file.data, "report-\(language)-excel.csv/\(file.name)") }
        #expect(plain.map(\.name).contains("provenance.csv"))
    }

    @Test func htmlMatchesItsGoldenFile() throws {
        // Given the report with every section
        let report = try ReportFixtures.small()

        // When it is rendered as HTML in Finnish
        let files = try ReportFixtures.render(report, .html, language: "fi")

        // Then it is the recorded page
        try ReportGolden.check(try #require(files.first?.data), "report-fi.html")
    }

    @Test func finnishAndSwedishNumbersUseTheNoBreakSpaceAndTheMinusSign() throws {
        // Given the report with a demand of 1 030,25 people a year and a negative gap
        let report = try ReportFixtures.small()

        for language in ["fi", "sv"] {
            // When it is rendered as Markdown
            let text = try ReportFixtures.text(report, .md, language: language)

            // Then thousands are grouped with U+00A0, decimals take a comma, minus is U+2212
            #expect(text.contains("1\u{00A0}030,3"), "\(language)")
            #expect(text.contains("\u{2212}7,5"), "\(language)")
            #expect(!text.contains("-7,5") && !text.contains("1 030"), "\(language)")
        }
        // And English writes 1,030.3 and -7.5
        let english = try ReportFixtures.text(report, .md, language: "en")
        #expect(english.contains("1,030.3") && english.contains("-7.5"))
    }
}
