import Catalog
import Foundation
import Interchange
import Testing

@Suite struct NeedsCSVWriteTests {
    private static func response(
        _ id: String, sector: String? = "chemicals", needs: [Need], survey: String = "battery-competence-2026"
    ) -> SurveyResponse {
        SurveyResponse(
            id: id, survey: survey, round: "2026", language: "fi",
            organisation: Organisation(name: "Akku Oy", region: "kokkola", sector: sector, size: "small"), needs: needs,
            research: Research(),
            consent: Consent(publish: true, contact: false, planning: true, textVersion: "1", givenAt: "2026"),
            synthetic: false, answers: [])
    }

    private static let first = response(
        "r1",
        needs: [
            Need(
                skill: "CELL02", level: 3, region: "kokkola", people: 12, horizon: "1-2y", priority: 5,
                formats: ["degree", "module"]),
            Need(skill: "RAW04", level: 1, region: "vaasa", people: 1200, horizon: "now", priority: 1, formats: []),
        ])
    private static let second = response(
        "r2", sector: nil,
        needs: [
            Need(
                skill: "REG04", level: 2, region: "pori", people: 3, horizon: "3-5y", priority: 2,
                formats: ["short-course"])
        ])

    @Test func writesTheHeaderAndOneRowPerNeedWithCRLF() {
        // Given two responses with three needs between them
        // When they are written
        let text = NeedsCSV.write([(Self.first, "org-1"), (Self.second, "org-2")])

        // Then there is the header and one CRLF-ended row per need, formats joined with "|"
        #expect(
            text
                == "response_id,organisation,region,sector,size,skill,level,people,horizon,priority,format,survey,round\r\n"
                + "r1,org-1,kokkola,chemicals,small,CELL02,3,12,1-2y,5,degree|module,battery-competence-2026,2026\r\n"
                + "r1,org-1,vaasa,chemicals,small,RAW04,1,1200,now,1,,battery-competence-2026,2026\r\n"
                + "r2,org-2,pori,,small,REG04,2,3,3-5y,2,short-course,battery-competence-2026,2026\r\n")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func noResponsesGiveTheHeaderOnly() {
        #expect(NeedsCSV.write([]) == NeedsCSV.columns.joined(separator: ",") + "\r\n")
        #expect(NeedsCSV.write([(Self.response("r3", needs: []), "org-3")]) == NeedsCSV.write([]))
    }

    @Test func fieldsWithCommasQuotesOrLineBreaksAreQuotedTheRFC4180Way() throws {
        // Given an organisation name with a comma and quotes, and one with a line break
        let text = NeedsCSV.write([
            (Self.second, "Akku, \"Nord\" Oy"), (Self.second, "Two\r\nlines"), (Self.second, "semi;colon"),
        ])

        // Then they are quoted with doubled quotes, and plain fields are not
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[1].hasPrefix("r2,\"Akku, \"\"Nord\"\" Oy\",pori,"))
        #expect(text.contains(",\"Two\r\nlines\",pori,"))
        #expect(text.contains(",\"semi;colon\",pori,"))
        #expect(NeedsCSV.quote("plain") == "plain")
        #expect(NeedsCSV.quote("") == "")

        // And a CSV parser reads three rows with the same values back (its line breaks as "\n")
        let table = try CSVParser.parse(text)
        #expect(table.header == NeedsCSV.columns)
        #expect(table.rows.count == 3)
        #expect(
            table.rows.map { table.value($0, 1).replacingOccurrences(of: "\r\n", with: "\n") } == [
                "Akku, \"Nord\" Oy", "Two\nlines", "semi;colon",
            ])
        #expect(table.rows.allSatisfy { $0.fields.count == NeedsCSV.columns.count })
    }
}
