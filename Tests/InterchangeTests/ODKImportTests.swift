import Catalog
import Foundation
import Interchange
import Testing

/// ODK Central's submissions.csv.zip: a root CSV and a CSV per repeat group, joined by PARENT_KEY.
@Suite struct ODKImportTests {
    @Test func submissionsGetTheirRepeatRowsByParentKey() throws {
        // Given the zip of three readable submissions and their needs
        // When it is read
        let batch = try ImportFixtures.read("battery_competence_2026.csv.zip", as: .odk)

        // Then each submission is a response with the needs that point to it, in order
        #expect(batch.rejected.isEmpty, "\(batch.rejected)")
        #expect(
            batch.ids == [
                "uuid:3f1c2a8e-9b7d-4c51-a0e2-6d5b8f0c1e22", "uuid:a7b9e0d1-2c3f-4e5a-8b6c-7d8e9f0a1b2c",
                "uuid:5d2e7f10-4a3b-4c8d-9e1f-2a3b4c5d6e7f",
            ])
        #expect(batch.responses.map { $0.response.needs.count } == [2, 1, 3])
        let third = try batch.response("Porin Kierrätys Oy")
        #expect(third.needs.map(\.skill) == ["REC04", "TEST04", "DIG03"])
        #expect(third.consent.givenAt == "2026-03-07T14:45:00Z")
    }

    @Test func selectMultipleNamesAndUnderscoredChoicesBecomeCatalogueCodes() throws {
        // Given submissions whose select_multiple answers are space-separated XLSForm names
        let batch = try ImportFixtures.read("battery_competence_2026.csv.zip", as: .odk)

        // Then "on_the_job module" is the codes module and on-the-job in catalogue order, and
        // "battery_materials" the sector battery-materials (values: in the mapping)
        let third = try batch.response("Porin Kierrätys Oy")
        #expect(third.needs[2].formats == ["module", "on-the-job"])
        #expect(third.needs[0].horizon == "1-2y")
        #expect(third.research.infrastructures == ["rikkova", "jyu-hydromet"])
        let first = try batch.response("Kokkolan Akkumateriaali Oy")
        #expect(first.organisation.sector == "battery-materials")
        #expect(first.research.text == "Katodimateriaalien skaalaus;\npilotointi Kokkolassa")
    }

    @Test func notDecryptedAndRejectedSubmissionsAreSkippedAndReported() throws {
        // Given the zip, whose submission on line 6 was not decrypted and whose submission on line 7
        // was rejected in review (with a need row of its own)
        let batch = try ImportFixtures.read("battery_competence_2026.csv.zip", as: .odk)

        // Then both are reported as skipped with their table and line, and neither is imported;
        // the rejected submission's need row is not reported as an orphan
        #expect(batch.rows == 5)
        #expect(batch.skipped.map(\.line) == [6, 7])
        #expect(batch.skipped.allSatisfy { $0.table == "battery_competence_2026.csv" })
        #expect(batch.skipped[0].reason.contains("not decrypted"))
        #expect(batch.skipped[1].reason.contains("rejected in review"))
        #expect(!batch.ids.contains("uuid:deadbeef-5678-4bcd-9abc-def012345678"))
        #expect(batch.rejected.isEmpty)
    }

    @Test func aBadRepeatRowIsRejectedWithItsTableLineAndColumn() throws {
        // Given a zip whose needs CSV gives level 7 on line 3 (the first submission's second need)
        let batch = try ImportFixtures.read("odk-bad-row.csv.zip", as: .odk)

        // Then the cell is reported in that table; the record is the submission's root row
        let problem = try #require(batch.rejected.first)
        #expect(batch.rejected.count == 1)
        #expect(problem.table == "battery_competence_2026-needs.csv")
        #expect(problem.line == 3 && problem.column == "level")
        #expect(problem.location == "battery_competence_2026-needs.csv:3")
        #expect(problem.reason.hasPrefix("\"7\" is not a level of the scale (1–4"))
        #expect(problem.record.contains("uuid:3f1c2a8e-9b7d-4c51-a0e2-6d5b8f0c1e22"))
        #expect(problem.description.hasPrefix("battery_competence_2026-needs.csv line 3, column level:"))
        #expect(batch.responses.count == 2)
    }

    @Test func theRootCSVAloneIsRefusedBecauseTheNeedsAreNotInIt() throws {
        // Given submissions.csv without its repeat CSVs
        let batch = try ImportFixtures.read("odk-root-only.csv", as: .odk)

        // Then the file is refused, saying which download has the needs
        #expect(batch.responses.isEmpty)
        #expect(batch.rejected.count == 1)
        #expect(batch.rejected.first?.reason.contains("download submissions.csv.zip") == true)
    }

    @Test func aDamagedZipIsRefusedNotCrashed() throws {
        // Given the zip cut in half
        let data = try ImportFixtures.data("battery_competence_2026.csv.zip")

        // When it is read
        let batch = try ImportFixtures.read("x.csv.zip", as: .odk, data: data.prefix(data.count / 2))

        // Then it is refused as a whole with a reason
        #expect(batch.responses.isEmpty)
        #expect(batch.rejected.first?.line == 0)
        #expect(batch.rejected.first?.reason.contains("download it again") == true)
    }
}
