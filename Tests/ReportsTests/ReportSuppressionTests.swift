import Analysis
import Catalog
import Foundation
import Reports
import Testing

/// No output of the report may show a cell with fewer than K organisations, nor name an
/// organisation or repeat free text: checked on the demo's data in every format.
struct ReportSuppressionTests {
    /// The region × skill-group cells that have fewer than K organisations, counted independently.
    private func smallCells(_ report: SteeringReport, _ records: [NeedRecord]) -> Set<[String]> {
        var organisations: [[String]: Set<Int>] = [:]
        for record in records { organisations[[record.group, record.region], default: []].insert(record.organisation) }
        return Set(organisations.filter { $0.value.count < report.minRespondents }.keys)
    }

    @Test func cellsUnderKAreSuppressedInEveryTableAndEveryFormat() throws {
        // Given the small report, and the cells under K counted from its records
        let report = try ReportFixtures.small()
        let catalog = try ReportFixtures.catalog()
        let small = smallCells(report, ReportFixtures.records(catalog))
        #expect(!small.isEmpty, "the fixture has cells under K, so the check means something")

        // When it is rendered as content, JSON and CSV
        let content = ReportContent(report, language: "en")
        let table = try #require(content.tables.first { $0.id == "needs-by-region" })
        let json = try ReportFixtures.json(report, language: "en")
        let jsonTable = try #require(
            (json["tables"] as? [[String: Any]])?.first { $0["id"] as? String == "needs-by-region" })
        let jsonRows = try #require(jsonTable["rows"] as? [[String: Any]])
        let csv = try #require(
            try ReportFixtures.render(report, .csv, language: "en").first { $0.name == "needs-by-region.csv" })
        let csvRows = String(decoding: csv.data, as: UTF8.self).components(separatedBy: "\r\n").dropFirst()
            .map { $0.components(separatedBy: ",") }

        // Then each such cell is suppressed in the table, null in JSON and empty in CSV
        for (rowIndex, row) in table.rows.enumerated() {
            guard case .text(_, let group?) = row.cells[0].value else { continue }
            for (columnIndex, column) in table.columns.enumerated() where small.contains([group, column.id]) {
                #expect(row.cells[columnIndex].value == .suppressed, "\(group) \(column.id)")
                let cells = try #require(jsonRows[rowIndex]["cells"] as? [[String: Any]])
                #expect(cells[columnIndex]["value"] is NSNull)
                #expect(cells[columnIndex]["suppressed"] as? Bool == true)
                #expect(csvRows[rowIndex][columnIndex] == "")
            }
        }
    }

    @Test func publishedCellsOfTheDemoHaveAtLeastKOrganisations() throws {
        // Given the demo report
        let report = try ReportFixtures.demo()

        // Then every published cell of its needs tables has ≥ K organisations or is a true zero
        for table in [report.byGroupAndRegion, report.bySkill] {
            for cell in table.cells where !cell.isSuppressed {
                #expect(cell.respondents >= report.minRespondents || cell.respondents == 0, "\(cell.keys)")
            }
            let hidden = table.cells.filter(\.isSuppressed).count
            #expect(hidden > 0)
        }
        // And every shared need is needed in at least N regions
        #expect(!report.shared.isEmpty)
        #expect(report.shared.allSatisfy { $0.regions.count >= report.catalog.settings.sharedRegions })
    }

    @Test func rowsUnderKFromOtherModulesNeverAppear() throws {
        // Given optional sections each holding a row with fewer than K organisations
        let report = try ReportFixtures.small()

        // When the report is rendered
        let content = ReportContent(report, language: "en")
        let rows = { (id: String) in content.tables.first { $0.id == id }?.rows ?? [] }

        // Then only the rows with at least K organisations are shown
        #expect(rows("gaps").count == 2)
        #expect(rows("service-concepts").count == 1)
        #expect(rows("consortia").count == 1)
        let text = try ReportFixtures.text(report, .md, language: "en")
        #expect(!text.contains("Contract research"))
        #expect(!text.contains("Next-generation cathode"))
    }

    @Test func noOrganisationNameReachesAnyFormat() throws {
        // Given the demo report and the names of the organisations that answered
        let report = try ReportFixtures.demo()
        let names = try ReportFixtures.demoResponses().map(\.organisation.name)
        #expect(names.count == 100)

        // When it is rendered in every format
        for format in ReportFormat.allCases where format != .xlsx {
            let text = try ReportFixtures.render(report, format, language: "en").map {
                String(decoding: $0.data, as: UTF8.self)
            }.joined()

            // Then no organisation's name appears
            #expect(!text.contains("Demo company"), "\(format)")
        }
    }
}
