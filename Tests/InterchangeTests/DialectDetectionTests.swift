import Catalog
import Foundation
import Interchange
import Testing

/// Telling an export's dialect from its name and first bytes, or naming the candidates.
@Suite struct DialectDetectionTests {
    @Test(arguments: [
        ("webropol-export.xlsx", Dialect.webropol), ("webropol-export-cp1252.csv", .webropol),
        ("webropol-export-utf8.csv", .webropol), ("results-survey468213.csv", .limesurvey),
        ("results-survey468213-tab.csv", .limesurvey), ("battery_competence_2026.csv.zip", .odk),
        ("odk-root-only.csv", .odk), ("kobo-export.xlsx", .kobo), ("kobo-export.csv", .kobo),
    ])
    func everyFixtureIsRecognised(name: String, dialect: Dialect) throws {
        // Given a fixture export
        // When its dialect is detected from its name and bytes
        let outcome = DialectDetector.detect(fileName: name, data: try ImportFixtures.data(name))

        // Then it is the dialect that wrote it
        #expect(outcome == .detected(dialect))
    }

    @Test func aCSVWhoseHeaderSaysNothingIsAmbiguousNamingTheCandidates() throws {
        // Given a CSV of question texts without Webropol's respondent and time columns
        let outcome = DialectDetector.detect(fileName: "ambiguous.csv", data: try ImportFixtures.data("ambiguous.csv"))

        // Then the candidates are named, for the CLI to ask for --dialect
        #expect(outcome == .ambiguous([.webropol, .limesurvey, .osaava]))
    }

    @Test func aDamagedWorkbookIsAmbiguousNotACrash() throws {
        // Given a workbook cut short
        let data = try ImportFixtures.data("kobo-export.xlsx")

        // Then the detector cannot tell, and says which dialects write workbooks
        #expect(DialectDetector.detect(fileName: "x.xlsx", data: data.prefix(100)) == .ambiguous([.webropol, .kobo]))
    }
}
