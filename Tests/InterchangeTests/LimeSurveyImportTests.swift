import Catalog
import Foundation
import Interchange
import Testing

/// LimeSurvey's response export: BOM, every field quoted, CRLF and a blank last line, answer codes.
@Suite struct LimeSurveyImportTests {
    @Test func completeResponsesImportWithTheSurveyIdOfTheFileNameInTheirIds() throws {
        // Given results-survey468213.csv with responses 1 and 3 complete
        // When it is read
        let batch = try ImportFixtures.read("results-survey468213.csv", as: .limesurvey)

        // Then both are responses whose ids join the survey id and LimeSurvey's id
        #expect(batch.rejected.isEmpty, "\(batch.rejected)")
        #expect(batch.ids == ["limesurvey:468213:1", "limesurvey:468213:3"])
        // And the answer codes became catalogue codes through the mapping's values
        let first = try batch.response("Kokkolan Akkumateriaali Oy")
        #expect(first.organisation.region == "kokkola" && first.organisation.size == "medium")
        #expect(first.organisation.roles == ["chemicals-materials", "cells"])
        #expect(first.needs.map(\.skill) == ["CHEM03", "RAW02"])
        #expect(first.needs.map(\.horizon) == ["now", "1-2y"])
        #expect(first.needs[0].formats == ["degree", "module"])
        #expect(first.research.text == "Katodimateriaalien skaalaus;\npilotointi Kokkolassa")
        #expect(first.consent.publish && first.consent.contact && !first.consent.planning)
        #expect(first.consent.givenAt == "2026-03-05T12:22:09Z")
    }

    @Test func anIncompleteResponseIsSkippedAndReportedNeverImported() throws {
        // Given the export, whose response 2 (line 4) has no submitdate
        let batch = try ImportFixtures.read("results-survey468213.csv", as: .limesurvey)

        // Then it is reported as skipped, counted as read, and is no response
        #expect(batch.rows == 3)
        #expect(batch.skipped.count == 1)
        #expect(batch.skipped.first?.line == 4)
        #expect(batch.skipped.first?.reason.contains("response 2 is incomplete (no submitdate)") == true)
        #expect(!batch.ids.contains("limesurvey:468213:2"))
        #expect(batch.responses.allSatisfy { $0.response.organisation.name != "Vaasan Sähkö ja Kenno Ab" })
    }

    @Test func commaSemicolonAndTabExportsGiveTheSameResponses() throws {
        // Given the same responses exported with each separator LimeSurvey offers
        let comma = try ImportFixtures.read("results-survey468213.csv", as: .limesurvey)
        let semicolon = try ImportFixtures.read("results-survey468213-semicolon.csv", as: .limesurvey)
        let tab = try ImportFixtures.read("results-survey468213-tab.csv", as: .limesurvey)

        // Then they read alike
        #expect(comma.responses.count == 2)
        #expect(semicolon.responses.map(\.response) == comma.responses.map(\.response))
        #expect(tab.responses.map(\.response) == comma.responses.map(\.response))
    }

    @Test func otherInAListAndTheStartLanguageAreTakenAsTheMappingSays() throws {
        // Given response 3, which chose "Other" (-oth-) as its sector and answered in English
        let response = try ImportFixtures.read("results-survey468213.csv", as: .limesurvey).response(
            "Porin Kierrätys Oy")

        // Then -oth- is the catalogue's "other" (values: sector: "-oth-": other) and the language is en
        #expect(response.organisation.sector == "other")
        #expect(response.language == "en")
        #expect(response.needs.map(\.skill) == ["REC04", "TEST04", "DIG03"])
        #expect(response.needs[1].region == "turku")
        #expect(response.needs[2].formats == ["module", "on-the-job"])
    }

    @Test func aBadRowIsRejectedWithItsLineAndColumn() throws {
        // Given an export whose response 3 (line 5) names the skill code "ZZ99"
        let batch = try ImportFixtures.read("results-survey468213-bad-row.csv", as: .limesurvey)

        // Then that row is rejected naming N2SKILL and the mapping to fix; response 1 still reads
        let problem = try #require(batch.rejected.first)
        #expect(batch.rejected.count == 1)
        #expect(problem.line == 5 && problem.column == "N2SKILL")
        #expect(problem.reason.hasPrefix("\"ZZ99\" is not an option of skill"))
        #expect(problem.record.first == "3")
        #expect(batch.ids == ["limesurvey:468213:1"])
    }

    @Test func aRenamedExportNeedsTheSurveyIdInTheMapping() throws {
        // Given the export saved under another name
        let data = try ImportFixtures.data("results-survey468213.csv")
        let renamed = try ImportFixtures.read("vastaukset.csv", as: .limesurvey, data: data)

        // Then it is refused with the two ways out
        #expect(renamed.responses.isEmpty)
        #expect(renamed.rejected.first?.reason.contains("results-survey<SID>.csv, or set surveyId:") == true)

        // When the mapping names the survey id
        let text = try ImportFixtures.mappingText("limesurvey").replacingOccurrences(
            of: "dialect: limesurvey\n", with: "dialect: limesurvey\nsurveyId: \"777\"\n")
        let (catalog, issues) = try ImportFixtures.catalog(
            replacing: "surveys/import/battery-competence-2026.limesurvey.yaml", with: text)
        #expect(issues.isEmpty, "\(issues)")
        let named = try ImportFixtures.read("vastaukset.csv", as: .limesurvey, catalog: catalog, data: data)

        // Then that id is used
        #expect(named.ids == ["limesurvey:777:1", "limesurvey:777:3"])
    }

    @Test func longAnswersAndMaskedEquationsAreUnderstood() throws {
        // Given response 1 exported with "Yes" for chosen options (long answers) and its free text
        // masked by csvMaskEquations ('=…)
        var text = try ImportFixtures.text("results-survey468213.csv")
        text = text.replacingOccurrences(of: "\"Y\"", with: "\"Yes\"")
        text = text.replacingOccurrences(of: "\"Katodimateriaalien", with: "\"'=Katodimateriaalien")

        // When it is read
        let batch = try ImportFixtures.read("results-survey468213.csv", as: .limesurvey, data: Data(text.utf8))

        // Then the choices are the same and the mask is gone
        let response = try batch.response("Kokkolan Akkumateriaali Oy")
        #expect(response.organisation.roles == ["chemicals-materials", "cells"])
        #expect(response.research.text == "=Katodimateriaalien skaalaus;\npilotointi Kokkolassa")
    }
}
