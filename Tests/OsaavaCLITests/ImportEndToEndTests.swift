import Foundation
import Testing

/// `osaava survey import` of every web-survey fixture, run as a coordinator runs it, with the
/// database checked independently by the sqlite3 shell.
@Suite(.serialized) struct ImportEndToEndTests {
    static let fixtures = OsaavaBinary.root.appendingPathComponent("Tests/InterchangeTests/Fixtures")

    /// The export files and what each holds: responses, needs, responses skipped.
    static let exports: [(file: String, responses: Int, needs: Int, skipped: Int)] = [
        ("webropol-export.xlsx", 3, 6, 0), ("webropol-export-cp1252.csv", 3, 6, 0),
        ("results-survey468213.csv", 2, 5, 1), ("battery_competence_2026.csv.zip", 3, 6, 2),
        ("kobo-export.xlsx", 3, 6, 0),
    ]

    /// Every bad-row fixture, the good export of its dialect, and the place of the bad cell.
    static let badRows: [(bad: String, good: String, place: String)] = [
        ("webropol-bad-row.csv", "webropol-export-cp1252.csv", "line 4, column Osaamistarve 1: Kuinka monta"),
        ("results-survey468213-bad-row.csv", "results-survey468213.csv", "line 5, column N2SKILL"),
        (
            "odk-bad-row.csv.zip", "battery_competence_2026.csv.zip",
            "battery_competence_2026-needs.csv line 3, column level"
        ),
        ("kobo-bad-row.xlsx", "kobo-export.xlsx", "battery_competence_2026 line 3, column org_region"),
    ]

    func importing(_ file: String, into database: URL, _ extra: [String] = []) throws -> OsaavaBinary.Result {
        try OsaavaBinary.run(
            [
                "survey", "import", Self.fixtures.appendingPathComponent(file).path, "--survey",
                "battery-competence-2026", "--db", database.path, "--catalog", OsaavaBinary.root.path,
            ] + extra)
    }

    /// The database's full content as SQL text, after its WAL is folded into the main file.
    func dump(_ database: URL) throws -> String {
        _ = try OsaavaBinary.sqlite(database, "PRAGMA wal_checkpoint(TRUNCATE)")
        return try OsaavaBinary.sqlite(database, ".dump")
    }

    func counts(_ database: URL) throws -> [String] {
        try [
            "SELECT count(*) FROM response", "SELECT count(*) FROM need", "SELECT count(*) FROM answer",
            "SELECT count(DISTINCT organisation_id) FROM response",
        ].map { try OsaavaBinary.sqlite(database, $0) }
    }

    @Test func everyExportImportedTwiceChangesNothingTheSecondTime() throws {
        for export in Self.exports {
            // Given a fresh database and one export
            let database = try OsaavaBinary.temporaryFolder().appendingPathComponent("osaava.sqlite")

            // When it is imported
            let first = try importing(export.file, into: database)

            // Then its responses and needs are in the database (counted by the sqlite3 shell)
            #expect(first.status == 0, "\(export.file): \(first.stderr)")
            #expect(first.stdout.contains("inserted \(export.responses),"), "\(export.file): \(first.stdout)")
            #expect(first.stdout.contains("skipped \(export.skipped)"), "\(export.file): \(first.stdout)")
            let afterFirst = try counts(database)
            #expect(afterFirst[0] == String(export.responses), "\(export.file)")
            #expect(afterFirst[1] == String(export.needs), "\(export.file)")
            #expect(Int(afterFirst[2]) ?? 0 > export.responses * 10, "\(export.file): the interview answers are kept")
            let before = try dump(database)

            // When the same file is imported again
            let second = try importing(export.file, into: database)

            // Then nothing is created or changed
            #expect(second.status == 0, "\(export.file): \(second.stderr)")
            #expect(
                second.stdout.contains(
                    "nothing new, nothing written: inserted 0, updated 0, unchanged \(export.responses)"),
                "\(export.file): \(second.stdout)")
            #expect(try counts(database) == afterFirst, "\(export.file)")
            #expect(try dump(database) == before, "\(export.file)")
        }
    }

    @Test func theWorkbookAndTheCSVExcelMadeOfItAreTheSameResponses() throws {
        // Given the Webropol workbook imported
        let database = try OsaavaBinary.temporaryFolder().appendingPathComponent("osaava.sqlite")
        #expect(try importing("webropol-export.xlsx", into: database).status == 0)

        // When the CSV users send (the workbook re-saved by Excel, cp1252, decimal commas) follows
        let csv = try importing("webropol-export-cp1252.csv", into: database)

        // Then every response is recognised as the same one
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.stdout.contains("unchanged 3"), "\(csv.stdout)")
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM response") == "3")
    }

    @Test func oneBadRowLeavesTheDatabaseByteForByteUnchanged() throws {
        for (bad, good, place) in Self.badRows {
            // Given a database holding the good export of a dialect
            let database = try OsaavaBinary.temporaryFolder().appendingPathComponent("osaava.sqlite")
            let setup = try importing(good, into: database)
            #expect(setup.status == 0, "\(good): \(setup.stderr)")
            let before = try dump(database)
            let bytes = try Data(contentsOf: database)

            // When an export with one bad row is imported
            let result = try importing(bad, into: database)

            // Then the import fails naming the row and column, and the database is as it was
            #expect(result.status == 1, "\(bad): \(result.stdout)")
            #expect(result.stderr.contains("\(bad): \(place)"), "\(bad): \(result.stderr)")
            #expect(result.stderr.contains("nothing imported: "), "\(bad): \(result.stderr)")
            #expect(try dump(database) == before, "\(bad)")
            #expect(try Data(contentsOf: database) == bytes, "\(bad)")
        }
    }

    @Test func anAmbiguousDialectExits64NamingTheCandidates() throws {
        // Given a CSV whose header could be Webropol's, LimeSurvey's or a needs CSV's
        let database = try OsaavaBinary.temporaryFolder().appendingPathComponent("osaava.sqlite")

        // When it is imported without --dialect
        let result = try importing("ambiguous.csv", into: database)

        // Then the usage error names the candidates and the option, and no database is created
        #expect(result.status == 64)
        #expect(result.stderr.contains("it could be webropol or limesurvey or osaava"), "\(result.stderr)")
        #expect(result.stderr.contains("Give --dialect"))
        #expect(!FileManager.default.fileExists(atPath: database.path))

        // And with --dialect webropol it reads, with a file-level reason (no respondent column is fine)
        let chosen = try importing("ambiguous.csv", into: database, ["--dialect", "webropol", "--dry-run"])
        #expect(chosen.status == 0, "\(chosen.stderr)")
        #expect(chosen.stdout.contains("dry run, nothing written; the import would give: inserted 3"))
    }

    @Test func skipInvalidImportsTheRestAndWritesTheRejectsReadableByItsOwnerOnly() throws {
        // Given the ODK zip with one bad need row
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("osaava.sqlite")
        let rejects = folder.appendingPathComponent("rejects.csv")

        // When it is imported with --skip-invalid --rejects
        let result = try importing(
            "odk-bad-row.csv.zip", into: database, ["--skip-invalid", "--rejects", rejects.path])

        // Then the valid submissions are imported, the skipped ones reported, and the rejects file is 0600
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("inserted 2, updated 0, unchanged 0, rejected 1, skipped 2"), "\(result.stdout)")
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM response") == "2")
        let attributes = try FileManager.default.attributesOfItem(atPath: rejects.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // And it holds the submission's row in the export's shape, with where and why
        let text = try String(contentsOf: rejects, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("SubmissionDate,start,end,org-org_name"))
        #expect(lines[0].hasSuffix("osaava_line,osaava_column,osaava_reason"))
        #expect(lines[1].contains("uuid:3f1c2a8e-9b7d-4c51-a0e2-6d5b8f0c1e22"))
        #expect(lines[1].contains("battery_competence_2026-needs.csv:3,level,"))
    }

    @Test func koboCSVIsRefusedWithTheAdviceToExportTheWorkbook() throws {
        // Given Kobo's CSV export, which has no repeat groups
        let database = try OsaavaBinary.temporaryFolder().appendingPathComponent("osaava.sqlite")

        // When it is imported
        let result = try importing("kobo-export.csv", into: database)

        // Then it is refused with the fix, and nothing is written
        #expect(result.status == 1)
        #expect(result.stderr.contains("kobo-export.csv: a KoboToolbox CSV export holds no repeat groups"))
        #expect(result.stderr.contains("import the .xlsx"))
        #expect(!FileManager.default.fileExists(atPath: database.path))
    }
}
