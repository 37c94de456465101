import Foundation
import Testing

/// The commands of the walking skeleton, run as a user runs them, on the demo's data.
@Suite(.serialized) struct CommandEndToEndTests {
    /// Runs the demo once into a fresh folder; returns the folder.
    static func demoFolder() throws -> URL {
        let folder = try OsaavaBinary.temporaryFolder()
        let result = try OsaavaBinary.run(
            ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", "60"], in: folder)
        try #require(result.status == 0, "demo failed: \(result.stderr)")
        return folder
    }

    @Test func theDemoWritesTheSameReportTwiceAndSaysWhereItIs() throws {
        // Given two demo runs in one folder
        let folder = try OsaavaBinary.temporaryFolder()
        let arguments = ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", "60"]
        let first = try OsaavaBinary.run(arguments, in: folder)
        let report = folder.appendingPathComponent("osaava-demo-report.md")
        let html = folder.appendingPathComponent("osaava-demo-report.html")
        let firstBytes = try Data(contentsOf: report)
        let firstHTML = try Data(contentsOf: html)
        let second = try OsaavaBinary.run(arguments, in: folder)

        // Then both succeed, print where the report and the database are, and the report bytes are equal
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(second.stdout.contains("Report:   \(html.path)"))
        #expect(second.stdout.contains(report.path))
        #expect(second.stdout.contains("Database: \(folder.appendingPathComponent("osaava-demo.sqlite").path)"))
        #expect(try Data(contentsOf: report) == firstBytes)
        #expect(try Data(contentsOf: html) == firstHTML)
        let text = String(decoding: firstBytes, as: UTF8.self)
        #expect(text.contains("SYNTHETIC"))
        // And the demo never touched the default database
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("osaava.sqlite").path))
        let synthetic = try OsaavaBinary.sqlite(
            folder.appendingPathComponent("osaava-demo.sqlite"), "SELECT count(*) FROM response WHERE NOT synthetic")
        #expect(synthetic == "0")
    }

    @Test func noCellUnderKAppearsInTheNeedsTable() throws {
        // Given the demo database
        let folder = try Self.demoFolder()
        let database = folder.appendingPathComponent("osaava-demo.sqlite")

        // When needs are listed by region and skill as CSV
        let result = try OsaavaBinary.run(
            [
                "analyze", "needs", "--by", "region,skill", "--format", "csv", "--db", database.path,
                "--catalog", OsaavaBinary.root.path,
            ])
        #expect(result.status == 0, "\(result.stderr)")

        // Then every published cell has at least K = 3 organisations, and every cell the database
        // (queried independently with the sqlite3 shell) says has fewer is empty
        let rows = result.stdout.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(!rows.isEmpty)
        var published: [String: String] = [:]
        for row in rows where row[0] != "*" && row[1] != "*" {
            if let respondents = Int(row[5]) { #expect(respondents >= 3 || respondents == 0, "\(row)") }
            published[row[0] + "|" + row[1]] = row[2]
        }
        let small = try OsaavaBinary.sqlite(
            database,
            """
            SELECT region || '|' || skill FROM need WHERE is_current GROUP BY region, skill
            HAVING count(DISTINCT organisation_id) < 3
            """
        ).split(separator: "\n").map(String.init)
        #expect(!small.isEmpty, "the demo has cells under K, so the check means something")
        for cell in small { #expect(published[cell] == "", "cell \(cell) must be suppressed") }
        // And the people of each published cell equal the independent sum
        let sums = try OsaavaBinary.sqlite(
            database,
            """
            SELECT region || '|' || skill || '=' || sum(people) FROM need WHERE is_current GROUP BY region, skill
            HAVING count(DISTINCT organisation_id) >= 3
            """
        ).split(separator: "\n")
        for line in sums {
            let parts = line.split(separator: "=")
            let value = published[String(parts[0])]
            #expect(value == String(parts[1]) || value == "", "\(parts[0])")
        }
    }

    @Test func planPathsSaysWhetherEachPlanIsProvenOptimal() throws {
        // Given the demo database
        let folder = try Self.demoFolder()

        // When regional portfolios are planned for Kokkola
        let result = try OsaavaBinary.run(
            [
                "plan", "paths", "--region", "kokkola", "--db",
                folder.appendingPathComponent("osaava-demo.sqlite").path,
                "--catalog", OsaavaBinary.root.path,
            ])

        // Then the plan names its total and whether it is proven optimal
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Regional portfolio — Kokkola"))
        #expect(result.stdout.contains("proven optimal"))
    }

    @Test func aBrokenCatalogueIsReportedWithFileAndLine() throws {
        // Given a copy of the catalogue whose skills file has a misspelt key
        let folder = try OsaavaBinary.temporaryFolder()
        for name in ["surveys", "curricula"] {
            try FileManager.default.copyItem(
                at: OsaavaBinary.root.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let skills = folder.appendingPathComponent("surveys/skills.yaml")
        let text = try String(contentsOf: skills, encoding: .utf8)
        try text.replacingOccurrences(of: "    group: RAW\n", with: "    gruop: RAW\n").write(
            to: skills, atomically: true, encoding: .utf8)

        // When the catalogue is checked
        let result = try OsaavaBinary.run(["catalog", "check", "--catalog", folder.path])

        // Then it fails with file:line, what is wrong and a did-you-mean
        #expect(result.status == 1)
        #expect(result.stderr.contains("surveys/skills.yaml:"))
        #expect(result.stderr.contains("unknown key \"gruop\""))
        #expect(result.stderr.contains("did you mean \"group\"?"))
    }

    @Test func aUsageErrorExits64AndNamesTheChoices() throws {
        // When an unknown dimension is asked for
        let result = try OsaavaBinary.run(["analyze", "needs", "--by", "region,colour", "--db", "/dev/null/none"])

        // Then the exit code is 64 and the message lists the valid dimensions
        #expect(result.status == 64)
        #expect(result.stderr.contains("unknown dimension \"colour\""))
        #expect(result.stderr.contains("skill-group"))
    }

    @Test func roundLimitsTheAnalysisAndThePlansToOneSurveyRound() throws {
        // Given the demo's needs imported as two rounds: responses up to demo-0030 in 2025, the rest in 2026
        let demo = try Self.demoFolder()
        let source = demo.appendingPathComponent("osaava-demo.sqlite")
        let export = try OsaavaBinary.run(
            ["survey", "responses", "--format", "csv", "--include-identifiers", "--db", source.path])
        let lines = export.stdout.split(separator: "\r\n").map(String.init)
        let rows = lines.dropFirst().map { line -> String in
            let number = Int(line.prefix(9).dropFirst(5)) ?? 0
            return number <= 30 ? String(line.dropLast(4)) + "2025" : line
        }
        let file = demo.appendingPathComponent("two-rounds.csv")
        try ([lines[0]] + rows).joined(separator: "\r\n").appending("\r\n").write(
            to: file, atomically: true, encoding: .utf8)
        let database = demo.appendingPathComponent("rounds.sqlite")
        let catalog = ["--catalog", OsaavaBinary.root.path, "--db", database.path]
        let imported = try OsaavaBinary.run(
            ["survey", "import", file.path, "--survey", "battery-competence-2026"] + catalog)
        try #require(imported.status == 0, "\(imported.stderr)")

        // When needs are counted for the 2025 round only, and for both
        let only = try OsaavaBinary.run(
            ["analyze", "needs", "--by", "skill-group", "--round", "2025", "--format", "json"] + catalog)
        let all = try OsaavaBinary.run(["analyze", "needs", "--by", "skill-group", "--format", "json"] + catalog)

        // Then the round's total counts its 30 organisations, the whole set its 60
        #expect(only.status == 0 && all.status == 0, "\(only.stderr)\(all.stderr)")
        #expect(only.stdout.contains("{\"skill-group\": \"*\", \"people\":"))
        let total = { (json: String) -> String? in
            json.split(separator: "\n").first { $0.contains("\"skill-group\": \"*\"") }
                .flatMap { $0.split(separator: ",").first { $0.contains("respondents") } }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(total(only.stdout) == "\"respondents\": 30")
        #expect(total(all.stdout) == "\"respondents\": 60")
        // And the plans accept the same option
        #expect(try OsaavaBinary.run(["plan", "paths", "--round", "2025"] + catalog).status == 0)
    }

    @Test func aReadingCommandRefusesAMissingDatabaseAndCreatesNone() throws {
        // Given a folder without a database
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("typo.sqlite")

        // When the needs are asked for from it
        let result = try OsaavaBinary.run(
            ["analyze", "needs", "--db", database.path, "--catalog", OsaavaBinary.root.path])

        // Then osaava says there is no database and how to get one, and leaves no empty file behind
        #expect(result.status == 1)
        #expect(result.stderr.contains("there is no database at \(database.path)"))
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }

    @Test func aReadingCommandLeavesAnEmptyFileAndAnotherProgramsDatabaseUntouched() throws {
        // Given an empty file, another program's SQLite database, and a folder
        let folder = try OsaavaBinary.temporaryFolder()
        let empty = folder.appendingPathComponent("empty.sqlite")
        try #require(FileManager.default.createFile(atPath: empty.path, contents: nil))
        let other = folder.appendingPathComponent("other.sqlite").path
        _ = try OsaavaBinary.sqlite(URL(fileURLWithPath: other), "CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        let before = try Data(contentsOf: URL(fileURLWithPath: other))

        // When the needs are asked for from each
        let catalogue = ["--catalog", OsaavaBinary.root.path]
        let fromEmpty = try OsaavaBinary.run(["analyze", "shared", "--db", empty.path] + catalogue)
        let fromOther = try OsaavaBinary.run(["analyze", "needs", "--db", other] + catalogue)
        let fromFolder = try OsaavaBinary.run(["analyze", "needs", "--db", folder.path] + catalogue)

        // Then each is refused with what is wrong, and neither file is changed
        #expect(fromEmpty.status == 1 && fromEmpty.stderr.contains("is an empty file"), "\(fromEmpty.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: empty.path)[.size] as? Int == 0)
        #expect(fromOther.status == 1 && fromOther.stderr.contains("not an Osaava database"), "\(fromOther.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
        #expect(!FileManager.default.fileExists(atPath: other + "-wal"))
        #expect(fromFolder.status == 1 && fromFolder.stderr.contains("is a folder"), "\(fromFolder.stderr)")

        // And an import into another program's database is refused as well
        let csv = folder.appendingPathComponent("needs.csv")
        try "response_id,organisation,region,sector,size,skill,level,people,horizon,priority,format,survey,round\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let imported = try OsaavaBinary.run(
            ["survey", "import", csv.path, "--survey", "battery-competence-2026", "--dialect", "osaava", "--db", other]
                + catalogue)
        #expect(imported.status != 0 && imported.stderr.contains("not an Osaava database"), "\(imported.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: other)) == before)
    }

    @Test func minRespondentsCannotBeLoweredBelowTheCatalogue() throws {
        let result = try OsaavaBinary.run(["analyze", "needs", "--min-respondents", "1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("can only be raised"))
    }
}
