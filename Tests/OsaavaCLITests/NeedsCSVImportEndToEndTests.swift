import Foundation
import Testing

/// A needs CSV import keeps no answers (they are a function of the record), yet its responses can
/// be re-imported unchanged and edited question by question like an interviewed one.
@Suite struct NeedsCSVImportEndToEndTests {
    static let header =
        "response_id,organisation,region,sector,size,skill,level,people,horizon,priority,format,survey,round"
    static let csv =
        header + "\r\n"
        + "x1,Testi Oy,kokkola,chemicals,small,CELL02,3,4,1-2y,2,module,battery-competence-2026,2026\r\n"
        + "x1,Testi Oy,vaasa,chemicals,small,RAW04,2,7,now,1,,battery-competence-2026,2026\r\n"

    func osaava(_ arguments: [String], input: String = "") throws -> OsaavaBinary.Result {
        try OsaavaBinary.run(arguments + ["--catalog", OsaavaBinary.root.path], input: input)
    }

    /// A database holding the sample's response x1, and a needs CSV of `rows` rows (100 a
    /// response), big enough to be a bulk import; the row at `unknownSkillAt` names no skill.
    static func bulkImportSetUp(rows: Int, unknownSkillAt: Int? = nil) throws -> (database: URL, csv: URL) {
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("held.sqlite")
        let small = folder.appendingPathComponent("small.csv")
        try csv.write(to: small, atomically: true, encoding: .utf8)
        let imported = try OsaavaBinary.run(
            ["survey", "import", small.path, "--survey", "battery-competence-2026", "--db", database.path])
        try #require(imported.status == 0, "\(imported.stderr)")
        var lines = [header]
        for index in 0..<rows {
            let skill = index == unknownSkillAt ? "NOPE99" : "RAW04"
            lines.append(
                "bulk-\(index / 100),Bulk \(index / 100) Oy,vaasa,chemicals,small,\(skill),2,\(1 + index % 9),now,1,,"
                    + "battery-competence-2026,2026")
        }
        let big = folder.appendingPathComponent("big.csv")
        try (lines.joined(separator: "\r\n") + "\r\n").write(to: big, atomically: true, encoding: .utf8)
        return (database, big)
    }

    @Test func anImportedResponseIsReimportedUnchangedAndEditedFromItsDerivedAnswers() throws {
        // Given a needs CSV of one response with two needs, imported
        let folder = try OsaavaBinary.temporaryFolder()
        let file = folder.appendingPathComponent("needs.csv")
        try Self.csv.write(to: file, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("n.sqlite")
        let survey = ["--survey", "battery-competence-2026", "--db", database.path]
        let first = try osaava(["survey", "import", file.path] + survey)
        #expect(first.status == 0, "\(first.stderr)")

        // Then no answers are stored for it, and importing it again changes nothing
        #expect(try OsaavaBinary.sqlite(database, "SELECT answers_derived, source FROM response") == "1|import:osaava")
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM answer") == "0")
        let again = try osaava(["survey", "import", file.path] + survey)
        #expect(again.stdout.contains("inserted 0, updated 0, unchanged 1"), "\(again.stdout)")

        // When it is edited: Enter keeps each derived answer; the CSV has no value chain role (6th
        // question), so one is chosen; the first need's people (10th) become 9
        var lines = Array(repeating: "", count: 40)
        lines[5] = "2"
        lines[9] = "9"
        let edit = try osaava(
            ["survey", "edit", "x1", "--db", database.path, "--lang", "en"], input: lines.joined(separator: "\n"))

        // Then version 2 has the interview's answers, both needs with the first one's people changed
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(edit.stdout.contains("Response x1 saved"), "\(edit.stdout)")
        #expect(
            try OsaavaBinary.sqlite(
                database,
                "SELECT version || ':' || skill || ':' || region || ':' || people FROM need ORDER BY version, ordinal")
                == "1:CELL02:kokkola:4\n1:RAW04:vaasa:7\n2:CELL02:kokkola:9\n2:RAW04:vaasa:7")
        #expect(
            try OsaavaBinary.sqlite(database, "SELECT version, answers_derived FROM response ORDER BY version")
                == "1|1\n2|0")
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) > 10 FROM answer WHERE version = 2") == "1")
    }

    @Test func aRefusedFileOrADryRunLeavesNoNewDatabaseBehind() throws {
        // Given a needs CSV whose second row names an unknown skill, and a path with no database
        let folder = try OsaavaBinary.temporaryFolder()
        let bad = folder.appendingPathComponent("bad.csv")
        try Self.csv.replacingOccurrences(of: "RAW04", with: "NOPE99").write(to: bad, atomically: true, encoding: .utf8)
        let good = folder.appendingPathComponent("good.csv")
        try Self.csv.write(to: good, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("new.sqlite")
        let options = ["--survey", "battery-competence-2026", "--db", database.path]

        // When the bad file is imported, and the good one as a dry run
        let refused = try osaava(["survey", "import", bad.path] + options)
        let dry = try osaava(["survey", "import", good.path, "--dry-run"] + options)

        // Then the first names the row and neither leaves a database (nor its WAL) behind
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("line 3"), "\(refused.stderr)")
        #expect(refused.stderr.contains("NOPE99"), "\(refused.stderr)")
        #expect(dry.status == 0, "\(dry.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.hasPrefix("new.sqlite")
        }
        #expect(left.isEmpty, "\(left)")

        // And a real import then creates it, with the catalogue's rollups defined from the start
        #expect(try osaava(["survey", "import", good.path] + options).status == 0)
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) > 0 FROM need_rollup") == "1")
    }

    @Test func aLargeFileWithOneBadRowLeavesTheDatabaseAsItWasAndInWAL() throws {
        // Given a database holding one response, and a needs CSV large enough to be a bulk import
        // (indexes built after the rows, a rollback journal, a reading thread) whose last row names
        // an unknown skill
        let (database, big) = try Self.bulkImportSetUp(rows: 80_000, unknownSkillAt: 79_999)
        let options = ["--survey", "battery-competence-2026", "--db", database.path]
        let before = try OsaavaBinary.sqlite(database, "SELECT count(*) FROM response; SELECT count(*) FROM need")

        // When it is imported
        let refused = try osaava(["survey", "import", big.path] + options)

        // Then it is refused naming the row, nothing of it is written, the indexes are all there,
        // and the database is in WAL mode again with no journal left behind
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("line 80001") && refused.stderr.contains("NOPE99"), "\(refused.stderr)")
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM response; SELECT count(*) FROM need") == before)
        #expect(
            try OsaavaBinary.sqlite(database, "SELECT group_concat(name) FROM pragma_index_list('need')")
                .split(separator: ",").sorted() == ["need_current", "need_key"])
        #expect(try OsaavaBinary.sqlite(database, "PRAGMA journal_mode") == "wal")
        #expect(!FileManager.default.fileExists(atPath: database.path + "-journal"))
    }

    @Test func aLargeExportIsStreamedAndReadsBackByteForByte() throws {
        // Given a needs CSV of 1,500 responses with 8 needs each (about 1.3 MB), ids in order
        let skills = ["CELL02", "RAW04", "REG02", "DIG01"]
        let regions = ["kokkola", "vaasa", "pori", "turku"]
        var text = Self.header + "\r\n"
        for number in 0..<1_500 {
            let id = "r" + String(100_000 + number)
            for need in 0..<8 {
                text +=
                    "\(id),Org \(number),\(regions[number % 4]),chemicals,small,\(skills[need % 4]),\(1 + need % 4),"
                    + "\(1 + need),now,\(1 + need % 5),module|degree,battery-competence-2026,2026\r\n"
            }
        }
        let folder = try OsaavaBinary.temporaryFolder()
        let file = folder.appendingPathComponent("large.csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("large.sqlite")
        let imported = try osaava(
            ["survey", "import", file.path, "--survey", "battery-competence-2026", "--db", database.path])
        #expect(imported.status == 0, "\(imported.stderr)")

        // When it is exported with the organisations' names
        let exported = try osaava([
            "survey", "responses", "--format", "csv", "--include-identifiers", "--db", database.path,
        ])

        // Then the export, written in pieces, is the file it came from
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(text.utf8.count > 1 << 20)
        #expect(exported.stdout == text)
    }

    @Test func aFileWhoseResponsesAreScatteredIsReadAgainAndImportedWhole() throws {
        // Given a needs CSV of 600 responses with 6 needs each, sorted by skill, so that every
        // response's rows are far apart (the import finds out while reading, starts over with the
        // scattered responses gathered, and the reading thread's first pass is thrown away)
        let skills = ["CELL02", "RAW04", "REG02", "DIG01", "REC06", "DIG02"]
        var rows: [(skill: Int, line: String)] = []
        for number in 0..<600 {
            for need in 0..<6 {
                rows.append(
                    (
                        need,
                        "s\(number),Org \(number),vaasa,chemicals,small,\(skills[need]),2,\(1 + need),now,1,module,"
                            + "battery-competence-2026,2026"
                    ))
            }
        }
        let sorted = rows.sorted { $0.skill < $1.skill }.map(\.line)
        let folder = try OsaavaBinary.temporaryFolder()
        let file = folder.appendingPathComponent("scattered.csv")
        try ([Self.header] + sorted).joined(separator: "\r\n").appending("\r\n").write(
            to: file, atomically: true, encoding: .utf8)
        let database = folder.appendingPathComponent("scattered.sqlite")

        // When it is imported
        let imported = try osaava(
            ["survey", "import", file.path, "--survey", "battery-competence-2026", "--db", database.path])

        // Then every response arrived once, whole, with its six needs in the file's order
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("inserted 600, updated 0"), "\(imported.stdout)")
        #expect(
            try OsaavaBinary.sqlite(database, "SELECT count(*), count(DISTINCT response_id) FROM need") == "3600|600")
        #expect(
            try OsaavaBinary.sqlite(
                database, "SELECT group_concat(skill || ':' || people, ' ') FROM need WHERE response_id = 's599'")
                == "CELL02:1 RAW04:2 REG02:3 DIG01:4 REC06:5 DIG02:6")
    }
}
