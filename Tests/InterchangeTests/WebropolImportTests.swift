import Catalog
import Foundation
import Interchange
import Testing

/// Webropol's native workbook and the CSV Excel makes of it in a Finnish locale.
@Suite struct WebropolImportTests {
    @Test func theNativeWorkbookImportsEveryRespondentWithItsNeedsAndAnswers() throws {
        // Given Webropol's raw-data workbook of three respondents
        // When it is read with the shipped Webropol mapping
        let batch = try ImportFixtures.read("webropol-export.xlsx", as: .webropol)

        // Then every respondent is a response, nothing is rejected
        #expect(batch.rejected.isEmpty, "\(batch.rejected)")
        #expect(batch.rows == 3)
        #expect(batch.responses.map(\.line) == [2, 3, 4])
        // And the first one carries its organisation, needs, research answers and consents as codes
        let first = try batch.response("Kokkolan Akkumateriaali Oy")
        #expect(
            first.organisation
                == Organisation(
                    name: "Kokkolan Akkumateriaali Oy", businessId: "2345678-0", region: "kokkola",
                    sector: "battery-materials", size: "medium", roles: ["chemicals-materials", "cells"]))
        #expect(
            first.needs == [
                Need(
                    skill: "CHEM03", level: 3, region: "kokkola", people: 5, horizon: "now", priority: 5,
                    formats: ["degree", "module"]),
                Need(
                    skill: "RAW02", level: 2, region: "vaasa", people: 12, horizon: "1-2y", priority: 3,
                    formats: ["short-course"]),
            ])
        #expect(first.research.interest == ["national"])
        #expect(first.research.challenges == ["next-gen-cathodes", "battery-safety"])
        #expect(first.research.text == "Katodimateriaalien skaalaus;\npilotointi Kokkolassa")
        #expect(first.research.infrastructures == ["centria-dryroom"])
        #expect(first.consent.publish && first.consent.contact && !first.consent.planning)
        #expect(first.language == "fi")
        // And the answer time 5.3.2026 14:22 (Helsinki, UTC+2) is the consent time
        #expect(first.consent.givenAt == "2026-03-05T12:22:00Z")
    }

    @Test func anExcelSerialAnswerTimeIsReadAsHelsinkiTime() throws {
        // Given the workbook, where respondent 2's answer time is the number 46087.37708 (6.3.2026 9:03)
        let batch = try ImportFixtures.read("webropol-export.xlsx", as: .webropol)

        // Then it is that time in UTC
        #expect(try batch.response("Vaasan Sähkö ja Kenno Ab").consent.givenAt == "2026-03-06T07:03:00Z")
    }

    @Test func theExcelCSVInWindows1252GivesTheResponsesOfTheWorkbook() throws {
        // Given the workbook saved by Excel as CSV: ";", Windows-1252, CRLF, decimal commas ("5,0"),
        // quotes only around the free text with ";" and a line break, curly quotes and en dashes
        let workbook = try ImportFixtures.read("webropol-export.xlsx", as: .webropol)

        // When the CSV is read
        let csv = try ImportFixtures.read("webropol-export-cp1252.csv", as: .webropol)

        // Then it gives exactly the same responses, ids included (the id hashes the answers, not the bytes)
        #expect(csv.rejected.isEmpty, "\(csv.rejected)")
        #expect(csv.responses.map(\.response) == workbook.responses.map(\.response))
        let third = try csv.response("Porin Kierrätys Oy")
        #expect(third.research.text == "Mustamassan \u{201C}hydrometallurgia\u{201D} \u{2013} saannot")
        #expect(third.needs.map(\.skill) == ["REC04", "TEST04", "DIG03"])
    }

    @Test func theUTF8CSVWithItsEmptyTrailingColumnsLeftOutGivesTheSameResponses() throws {
        // Given "CSV UTF-8" (with a BOM) whose rows stop at their last non-empty field
        let workbook = try ImportFixtures.read("webropol-export.xlsx", as: .webropol)

        // When it is read
        let csv = try ImportFixtures.read("webropol-export-utf8.csv", as: .webropol)

        // Then the short rows are read as if the empty columns were there
        #expect(csv.rejected.isEmpty, "\(csv.rejected)")
        #expect(csv.responses.map(\.response) == workbook.responses.map(\.response))
    }

    @Test func theStableIdIsTheRespondentNumberAndAHashOfTheAnswers() throws {
        // Given the CSV, and a copy where respondent 3 changed one answer (priority 5 → 4)
        let original = try ImportFixtures.read("webropol-export-cp1252.csv", as: .webropol)
        let text = try ImportFixtures.text("webropol-export-cp1252.csv")
        var lines = text.components(separatedBy: "\r\n")
        let edited = lines[3].replacingOccurrences(of: ";1–2 vuotta;5;", with: ";1–2 vuotta;4;")
        #expect(edited != lines[3])
        lines[3] = edited

        // When the edited copy is read
        let copy = try ImportFixtures.read(
            "webropol-export-cp1252.csv", as: .webropol, data: Data(lines.joined(separator: "\r\n").utf8))

        // Then ids name survey and respondent number, and only the edited respondent's hash changed:
        // Webropol's ids are weaker — an edited answer looks like a new respondent
        #expect(original.ids.allSatisfy { $0.hasPrefix("webropol:battery-competence-2026:") })
        #expect(original.ids.map { $0.split(separator: ":")[2] } == ["1", "2", "3"])
        #expect(copy.ids[0...1] == original.ids[0...1])
        #expect(copy.ids[2] != original.ids[2])
        #expect(copy.ids[2].hasPrefix("webropol:battery-competence-2026:3:"))
    }

    @Test func importedAnswersAreWhatAnInterviewRecords() throws {
        // Given the workbook's first respondent
        let catalog = try ImportFixtures.catalog()
        let survey = try #require(catalog.survey(ImportFixtures.survey))
        let response = try ImportFixtures.read("webropol-export.xlsx", as: .webropol).response(
            "Kokkolan Akkumateriaali Oy")

        // Then its answers are keyed as the interview keys them, in the interview's order, so that
        // `survey edit` can replay them question by question
        let assembler = ResponseAssembler(survey: survey, settings: catalog.settings)
        #expect(response.answers == assembler.answers(for: response))
        #expect(response.value("needs.1.more") == "yes")
        #expect(response.value("needs.2.more") == "no")
        #expect(response.value("needs.1.need_region") == "")
        #expect(response.value("needs.2.need_region") == "vaasa")
    }

    @Test func aBadRowIsRejectedWithItsLineColumnReasonAndRecord() throws {
        // Given a CSV whose respondent 2 has "viisi" people and an unknown region; it starts on line 4,
        // as respondent 1's free text holds a line break
        let batch = try ImportFixtures.read("webropol-bad-row.csv", as: .webropol)

        // Then both cells are reported with line, column and what is accepted; the others still read
        let region = try #require(batch.rejected.first { $0.column?.hasPrefix("Millä kaupunkiseudulla") == true })
        #expect(region.line == 4)
        #expect(region.reason.contains("\"Helsinki\" is not an option of org_region"))
        #expect(region.reason.contains("surveys/import/battery-competence-2026.webropol.yaml"))
        let people = try #require(
            batch.rejected.first { $0.column?.contains("Kuinka monta henkilöä tarvitsee") == true })
        #expect(people.line == 4)
        #expect(people.column == "Osaamistarve 1: Kuinka monta henkilöä tarvitsee tätä osaamista?")
        #expect(people.reason == "\"viisi\" is not a whole number; people must be 1–10000")
        #expect(people.record.first == "2" && people.record.contains("viisi"))
        #expect(batch.responses.map(\.line) == [2, 5])
    }

    @Test func aColumnTheMappingNamesButTheExportLacksRefusesTheFile() throws {
        // Given the CSV without its "Y-tunnus" column
        let text = try ImportFixtures.text("webropol-export-cp1252.csv")
        let stripped = text.components(separatedBy: "\r\n").map { line -> String in
            var fields = line.components(separatedBy: ";")
            if fields.count > 3 { fields.remove(at: 3) }
            return fields.joined(separator: ";")
        }

        // When it is read
        let batch = try ImportFixtures.read(
            "webropol-export-cp1252.csv", as: .webropol, data: Data(stripped.joined(separator: "\r\n").utf8))

        // Then the whole file is refused at its header, naming the column and the mapping line to fix
        #expect(batch.responses.isEmpty)
        let problem = try #require(batch.rejected.first)
        #expect(batch.rejected.count == 1)
        #expect(problem.line == 1 && problem.column == "Y-tunnus")
        #expect(problem.reason.contains("question business_id"))
        #expect(problem.reason.contains("surveys/import/battery-competence-2026.webropol.yaml:"))
    }

    @Test func anAnswerToAQuestionTheSurveySkipsIsRejected() throws {
        // Given respondent 2, not interested in R&D, who still ticked a research challenge
        let text = try ImportFixtures.text("webropol-export-cp1252.csv")
        var rows = text.components(separatedBy: "\r\n").map { $0.components(separatedBy: ";") }
        let column = try #require(
            rows[0].firstIndex { $0.hasPrefix("Mitkä tutkimushaasteet ovat teille tärkeimpiä? - Akkupassi") })
        rows[2][column] = "1"

        // When it is read
        let batch = try ImportFixtures.read(
            "x.csv", as: .webropol,
            data: Data(rows.map { $0.joined(separator: ";") }.joined(separator: "\r\n").utf8))

        // Then the row (line 4: respondent 1's text spans two lines) is rejected: the interview would
        // never have asked, so the answers contradict each other
        let problem = try #require(batch.rejected.first)
        #expect(problem.line == 4)
        #expect(problem.reason.contains("answers challenges (\"battery-passport\")"))
        #expect(problem.reason.contains("only when interest is one of national, horizon-europe"))
    }

    @Test func withoutAMappingTheDialectIsRefusedWithTheFix() throws {
        // Given a catalogue without the Webropol mapping
        let files = try ImportFixtures.catalogFiles().filter { !$0.path.hasSuffix(".webropol.yaml") }
        let catalog = try CatalogLoader.load(files)

        // When a Webropol export is read
        let batch = try ImportFixtures.read("webropol-export.xlsx", as: .webropol, catalog: catalog)

        // Then nothing is read, and the message says which file to add
        #expect(batch.responses.isEmpty)
        #expect(batch.rejected.first?.reason.contains("surveys/import/battery-competence-2026.webropol.yaml") == true)
    }
}
