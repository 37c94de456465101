import Analysis
import Catalog
import CatalogFixtures
import Foundation
import Reports
import Testing

@Suite struct ReportCSVLineBreakTests {
    @Test(arguments: [false, true])
    func aValueWithACRLFLineBreakIsQuoted(excel: Bool) throws {
        // Given a report whose data fingerprint (shown in provenance.csv) holds a CRLF line break
        let report = SteeringReport(
            catalog: try ShippedCatalog.load(), records: ReportRecords.fixed, responses: 12, synthetic: false,
            surveys: ["battery-competence-2026"], rounds: ["2026"], minRespondents: 3, paths: [],
            provenance: Provenance(
                command: "osaava report", rounds: ["2026"], responses: 12, catalog: "c", data: "two\r\nlines"))

        // When it is written as CSV files
        let files = ReportCSV(ReportContent(report, language: "en"), excel: excel).files()
        let provenance = try #require(files.first { $0.name == "provenance.csv" })
        let text = String(decoding: provenance.data, as: UTF8.self)

        // Then the value is quoted, so that its row is not split in two
        let separator = excel ? ";" : ","
        #expect(text.contains("\(separator)\"two\r\nlines\"\(separator)"))
        #expect(!text.contains("\(separator)two\r\nlines"))
    }
}
