import Catalog
import Foundation
import Interchange
import Survey
import Testing

/// Property and fuzz tests of the readers: whatever the bytes, a reader returns (never crashes),
/// and what it returns is either rejected rows or responses that hold only catalogue values.
@Suite struct CSVParserFuzzTests {
    static let csvFixtures: [(name: String, dialect: Dialect)] = [
        ("webropol-export-cp1252.csv", .webropol), ("webropol-export-utf8.csv", .webropol),
        ("results-survey468213.csv", .limesurvey), ("results-survey468213-tab.csv", .limesurvey),
        ("odk-root-only.csv", .odk), ("kobo-export.csv", .kobo),
    ]

    /// A needs CSV of the fixtures' respondents, for the `osaava` dialect.
    static func needsCSV() throws -> Data {
        let batch = try ImportFixtures.read("webropol-export.xlsx", as: .webropol)
        return Data(NeedsCSV.write(batch.responses.map { ($0.response, $0.response.organisation.name) }).utf8)
    }

    /// What every outcome must satisfy: rejected rows with a reason, or a clean batch of valid responses.
    static func expectWellFormed(_ batch: ImportBatch, catalog: Catalog, _ context: String) {
        if !batch.rejected.isEmpty {
            #expect(batch.rejected.allSatisfy { !$0.reason.isEmpty && $0.line >= 0 }, "\(context)")
        }
        #expect(Set(batch.ids).count == batch.ids.count, "duplicate ids in \(context)")
        #expect(batch.responses.count + batch.skipped.count <= max(batch.rows, batch.responses.count), "\(context)")
        for imported in batch.responses {
            let response = imported.response
            #expect(imported.line >= 1, "\(context)")
            #expect(catalog.region(response.organisation.region) != nil, "\(context): \(response.organisation)")
            for need in response.needs {
                #expect(catalog.skill(need.skill) != nil, "\(context): \(need)")
                #expect(catalog.level(need.level) != nil, "\(context): \(need)")
                #expect(catalog.region(need.region) != nil, "\(context): \(need)")
                #expect(catalog.settings.peopleRange.contains(need.people), "\(context): \(need)")
                #expect(catalog.settings.priorityRange.contains(need.priority), "\(context): \(need)")
                #expect(catalog.settings.horizon(need.horizon) != nil, "\(context): \(need)")
            }
        }
    }

    @Test func randomBytesNeverCrashAReaderAndNeverGiveAnInvalidResponse() throws {
        // Given 300 seeded random byte strings, some with a UTF-8 BOM, some full of CSV punctuation
        let catalog = try ImportFixtures.catalog()
        let survey = try #require(catalog.survey(ImportFixtures.survey))
        let reader = ImportReader(catalog: catalog, survey: survey, now: ImportFixtures.now)
        var random = SeededGenerator(seed: 2026)
        let punctuation: [UInt8] = Array("\";,\t\r\n".utf8) + [0x00, 0xFF, 0xE4, 0xEF, 0xBB, 0xBF]
        for round in 0..<300 {
            let count = Int.random(in: 0...400, using: &random)
            var bytes = (0..<count).map { _ in
                Bool.random(using: &random)
                    ? punctuation.randomElement(using: &random) ?? 0 : UInt8.random(in: 0...255, using: &random)
            }
            if round % 5 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }

            // When every dialect reads them
            for dialect in Dialect.allCases {
                let batch = reader.read(Data(bytes), dialect: dialect, fileName: "results-survey1.csv")

                // Then each returns rejected rows or a well-formed batch
                Self.expectWellFormed(batch, catalog: catalog, "round \(round), \(dialect)")
            }
        }
    }

    @Test func mutatedFixturesNeverCrashAReaderAndNeverGiveAnInvalidResponse() throws {
        // Given every CSV fixture (and a needs CSV), each mutated 80 times: bytes flipped, deleted,
        // CSV punctuation inserted, a line duplicated, the file cut short
        let catalog = try ImportFixtures.catalog()
        let survey = try #require(catalog.survey(ImportFixtures.survey))
        let reader = ImportReader(catalog: catalog, survey: survey, now: ImportFixtures.now)
        var random = SeededGenerator(seed: 4180)
        var inputs = try Self.csvFixtures.map { (try ImportFixtures.data($0.name), $0.dialect, $0.name) }
        inputs.append((try Self.needsCSV(), .osaava, "needs.csv"))
        let inserts: [UInt8] = Array("\";,\t\r\n5,0".utf8) + [0x00, 0x96, 0xE4]
        var readRows = 0
        for (original, dialect, name) in inputs {
            for round in 0..<80 {
                var bytes = [UInt8](original)
                for _ in 0..<Int.random(in: 1...4, using: &random) where !bytes.isEmpty {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    switch Int.random(in: 0..<5, using: &random) {
                    case 0: bytes[at] ^= UInt8.random(in: 1...255, using: &random)
                    case 1: bytes.remove(at: at)
                    case 2: bytes.insert(inserts.randomElement(using: &random) ?? 0x22, at: at)
                    case 3:
                        let end = bytes[at...].firstIndex(of: 0x0A) ?? bytes.count - 1
                        bytes.insert(contentsOf: bytes[at...end], at: at)
                    default: bytes.removeLast(Int.random(in: 0...(bytes.count - at), using: &random))
                    }
                }

                // When the mutated file is read
                let batch = reader.read(Data(bytes), dialect: dialect, fileName: "results-survey468213.csv")

                // Then the outcome is rejected rows or a well-formed batch
                Self.expectWellFormed(batch, catalog: catalog, "\(name) round \(round)")
                readRows += batch.rows
            }
        }
        // And the mutations mostly kept files readable, so the readers' row paths were exercised
        #expect(readRows > 500)
    }

    @Test func damagedWorkbooksAndZipsAreRefusedNeverCrashed() throws {
        // Given the XLSX and ZIP fixtures cut short or with bytes flipped, 60 times each
        let catalog = try ImportFixtures.catalog()
        let survey = try #require(catalog.survey(ImportFixtures.survey))
        let reader = ImportReader(catalog: catalog, survey: survey, now: ImportFixtures.now)
        var random = SeededGenerator(seed: 1952)
        let inputs: [(String, Dialect)] = [
            ("webropol-export.xlsx", .webropol), ("kobo-export.xlsx", .kobo), ("battery_competence_2026.csv.zip", .odk),
        ]
        for (name, dialect) in inputs {
            let original = [UInt8](try ImportFixtures.data(name))
            for round in 0..<60 {
                var bytes = original
                if round % 2 == 0 {
                    bytes.removeLast(Int.random(in: 1..<bytes.count, using: &random))
                } else {
                    let at = Int.random(in: 0..<bytes.count, using: &random)
                    bytes[at] ^= UInt8.random(in: 1...255, using: &random)
                }

                // When it is read
                let batch = reader.read(Data(bytes), dialect: dialect, fileName: name)

                // Then it is refused or (a flip in slack bytes) read as before — never half read
                Self.expectWellFormed(batch, catalog: catalog, "\(name) round \(round)")
                #expect(
                    !batch.rejected.isEmpty || batch.responses.count == 3,
                    "\(name) round \(round): \(batch.rows) rows, \(batch.ids)")
            }
        }
    }

    @Test func quotedFieldsSurviveARoundTripThroughTheParser() throws {
        // Given 200 seeded random tables whose fields hold quotes, delimiters, line breaks and letters
        var random = SeededGenerator(seed: 7)
        let alphabet = Array("ab ä\",;\n€x1")
        for round in 0..<200 {
            let delimiter: Character = Bool.random(using: &random) ? "," : ";"
            let columns = Int.random(in: 1...5, using: &random)
            func field() -> String {
                String(
                    (0..<Int.random(in: 0...6, using: &random)).map { _ in alphabet.randomElement(using: &random) ?? "a"
                    })
            }
            let header = (0..<columns).map { "h\($0)" }
            let rows = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                ["r"] + (1..<columns).map { _ in field() }
            }
            let text = ([header] + rows).map { row in
                row.map { NeedsCSV.quote($0) }.joined(separator: String(delimiter))
            }.joined(separator: Bool.random(using: &random) ? "\r\n" : "\n")

            // When it is parsed
            let table = try CSVParser.parse(text, delimiter: delimiter)

            // Then every field comes back as written
            #expect(table.header == header, "round \(round)")
            #expect(table.rows.map(\.fields) == rows, "round \(round): \(text.debugDescription)")
        }
    }
}
