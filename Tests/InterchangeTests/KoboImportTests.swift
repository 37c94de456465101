import Catalog
import Foundation
import Interchange
import Testing

/// KoboToolbox: the XLSX with a sheet per repeat group; the `;` CSV, which holds no repeats.
@Suite struct KoboImportTests {
    @Test func theWorkbookJoinsRepeatSheetRowsToTheirSubmissionByIndex() throws {
        // Given Kobo's workbook: the main sheet and the sheet "needs" (_parent_index → _index)
        // When it is read
        let batch = try ImportFixtures.read("kobo-export.xlsx", as: .kobo)

        // Then each submission is a response, its id the _uuid, with the needs pointing to it
        #expect(batch.rejected.isEmpty, "\(batch.rejected)")
        #expect(
            batch.ids == [
                "3f1c2a8e-9b7d-4c51-a0e2-6d5b8f0c1e22", "a7b9e0d1-2c3f-4e5a-8b6c-7d8e9f0a1b2c",
                "5d2e7f10-4a3b-4c8d-9e1f-2a3b4c5d6e7f",
            ])
        #expect(batch.responses.map { $0.response.needs.count } == [2, 1, 3])
        #expect(batch.responses.map(\.line) == [2, 3, 4])
        let first = try batch.response("Kokkolan Akkumateriaali Oy")
        #expect(
            first.needs[1]
                == Need(
                    skill: "RAW02", level: 2, region: "vaasa", people: 12, horizon: "1-2y", priority: 3,
                    formats: ["short-course"]))
        // And _submission_time (UTC) is the consent time
        #expect(first.consent.givenAt == "2026-03-05T12:22:09Z")
    }

    @Test func koboAndODKExportsOfOneFormGiveTheSameAnswers() throws {
        // Given the same three submissions exported by KoboToolbox and by ODK Central
        let kobo = try ImportFixtures.read("kobo-export.xlsx", as: .kobo)
        let odk = try ImportFixtures.read("battery_competence_2026.csv.zip", as: .odk)

        // Then, ids apart, the responses hold the same answers
        #expect(kobo.responses.map(\.response.answers) == odk.responses.map(\.response.answers))
        #expect(kobo.responses.map(\.response.needs) == odk.responses.map(\.response.needs))
    }

    @Test func theCSVExportIsRefusedBecauseItHoldsNoRepeatGroups() throws {
        // Given Kobo's ";" CSV of the same form (every field quoted, no BOM)
        let batch = try ImportFixtures.read("kobo-export.csv", as: .kobo)

        // Then it is refused, saying to export the XLSX
        #expect(batch.responses.isEmpty)
        let problem = try #require(batch.rejected.first)
        #expect(problem.reason.contains("holds no repeat groups"))
        #expect(problem.reason.contains("import the .xlsx"))
    }

    @Test func aBadRowIsRejectedWithItsSheetLineAndColumn() throws {
        // Given a workbook whose second submission (row 3) names the region "helsinki"
        let batch = try ImportFixtures.read("kobo-bad-row.xlsx", as: .kobo)

        // Then the cell is reported by sheet, row and column; the other submissions read
        let problem = try #require(batch.rejected.first)
        #expect(batch.rejected.count == 1)
        #expect(problem.table == "battery_competence_2026")
        #expect(problem.line == 3 && problem.column == "org_region")
        #expect(problem.reason.hasPrefix("\"helsinki\" is not an option of org_region"))
        #expect(batch.responses.count == 2)
    }

    @Test func aMissingRepeatSheetIsRefusedNamingTheSheets() throws {
        // Given a mapping that expects the needs in a sheet "tarpeet"
        let text = try ImportFixtures.mappingText("kobo").replacingOccurrences(
            of: "  needs: needs\n", with: "  needs: tarpeet\n")
        let (catalog, issues) = try ImportFixtures.catalog(
            replacing: "surveys/import/battery-competence-2026.kobo.yaml", with: text)
        #expect(issues.isEmpty, "\(issues)")

        // When the workbook is read
        let batch = try ImportFixtures.read("kobo-export.xlsx", as: .kobo, catalog: catalog)

        // Then it is refused, listing the sheets the workbook has
        #expect(batch.responses.isEmpty)
        #expect(batch.rejected.first?.reason.contains("no sheet of repeat group needs (\"tarpeet\"") == true)
        #expect(batch.rejected.first?.reason.contains("\"battery_competence_2026\", \"needs\"") == true)
    }
}
