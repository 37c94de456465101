import Foundation
import Reports
import Testing

/// The JSON export: a versioned schema, suppressed cells as null with `"suppressed": true`,
/// provenance for the report and every table, fixed key order and bytes.
struct ReportJSONTests {
    private func document(_ language: String = "en") throws -> [String: Any] {
        let text = try ReportFixtures.text(try ReportFixtures.small(), .json, language: language)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func theDocumentSaysItsSchemaVersionFirst() throws {
        // Given the JSON export
        let text = try ReportFixtures.text(try ReportFixtures.small(), .json, language: "en")

        // Then it opens with schemaVersion 1 and parses
        #expect(text.hasPrefix("{\n  \"schemaVersion\": 1,\n  \"title\": "))
        #expect(try document()["schemaVersion"] as? Int == 1)
    }

    @Test func everySuppressedCellIsNullAndMarked() throws {
        // Given the JSON export of a report with suppressed cells
        let tables = try #require(try document()["tables"] as? [[String: Any]])
        var suppressed = 0

        // Then every cell has a value key; a suppressed one is null with suppressed: true
        for table in tables {
            for row in try #require(table["rows"] as? [[String: Any]]) {
                for cell in try #require(row["cells"] as? [[String: Any]]) {
                    #expect(cell.keys.contains("value"))
                    if cell["suppressed"] as? Bool == true {
                        suppressed += 1
                        #expect(cell["value"] is NSNull)
                    }
                }
            }
        }
        #expect(suppressed > 0, "the fixture has suppressed cells, so the check means something")
    }

    @Test func everyTableCarriesItsProvenance() throws {
        // Given the JSON export
        let json = try document()
        let tables = try #require(json["tables"] as? [[String: Any]])

        // Then the report and each table name the equivalent command, rounds, responses and fingerprints
        let report = try #require(json["provenance"] as? [String: Any])
        #expect(report["catalogue"] as? String == "catalogue0000000")
        for table in tables {
            let provenance = try #require(table["provenance"] as? [String: Any], "\(table["id"] ?? "?")")
            #expect((provenance["command"] as? String)?.hasPrefix("osaava ") == true)
            #expect(provenance["rounds"] as? [String] == ["2026"])
            #expect(provenance["responses"] as? Int == 12)
            #expect(provenance["data"] as? String == "data000000000000")
        }
        let commands = tables.compactMap { ($0["provenance"] as? [String: Any])?["command"] as? String }
        #expect(commands.contains("osaava analyze needs --by skill-group,region --db osaava-demo.sqlite"))
        #expect(commands.contains("osaava plan paths --db osaava-demo.sqlite"))
    }

    @Test func tablesComeInReadingOrderWithStableIds() throws {
        // Given the JSON export of the report with every section
        let tables = try #require(try document("sv")["tables"] as? [[String: Any]])

        // Then the ids are fixed English words whatever the language
        #expect(
            tables.compactMap { $0["id"] as? String } == [
                "key-figures", "needs-by-region", "needs-by-skill", "shared-needs", "gaps", "paths", "new-modules",
                "service-concepts", "consortia",
            ])
    }

    @Test func theSameReportGivesTheSameBytesAndAStampOnlyWhenAsked() throws {
        // Given the same report rendered twice, and once with a stamp
        let report = try ReportFixtures.small()
        let first = try ReportFixtures.render(report, .json, language: "fi")
        let second = try ReportFixtures.render(report, .json, language: "fi")
        let stamped = try report.render(.json, options: ReportOptions(language: "fi", stamp: "2026-05-04T10:00:00Z"))

        // Then the bytes are equal, "generated" is null without the stamp and the time with it
        #expect(first == second)
        let plain = String(decoding: try #require(first.first?.data), as: UTF8.self)
        #expect(plain.contains("\"generated\": null"))
        let stampedText = String(decoding: try #require(stamped.first?.data), as: UTF8.self)
        #expect(stampedText.contains("\"generated\": \"2026-05-04T10:00:00Z\""))
    }
}
