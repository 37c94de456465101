import Foundation
import Testing

/// `osaava report` run as a user runs it on the demo's data: every format, its files, its usage
/// errors, and the same bytes from the same database.
@Suite(.serialized) struct ReportCommandTests {
    /// One demo database for the suite (60 organisations).
    private static let demo = Result { () throws -> URL in
        let folder = try OsaavaBinary.temporaryFolder()
        let result = try OsaavaBinary.run(
            ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", "60"], in: folder)
        guard result.status == 0 else { throw DemoFailed(stderr: result.stderr) }
        return folder
    }

    private struct DemoFailed: Error {
        var stderr: String
    }

    private func report(_ arguments: [String]) throws -> OsaavaBinary.Result {
        let folder = try Self.demo.get()
        return try OsaavaBinary.run(
            ["report", "--db", "osaava-demo.sqlite", "--catalog", OsaavaBinary.root.path] + arguments, in: folder)
    }

    @Test(arguments: ["md", "html", "json", "xlsx"])
    func eachFormatIsWrittenToItsFileWithTheSameBytesEveryTime(format: String) throws {
        // Given the demo database
        let folder = try Self.demo.get()

        // When the report is written twice in Finnish
        let first = try report(["--lang", "fi", "--format", format, "--out", "first.\(format)"])
        let second = try report(["--lang", "fi", "--format", format, "--out", "second.\(format)"])

        // Then both succeed, say where the file is, and the files are byte for byte the same
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(first.stderr.contains("report written to \(folder.appendingPathComponent("first.\(format)").path)"))
        let bytes = try Data(contentsOf: folder.appendingPathComponent("first.\(format)"))
        #expect(bytes.count > 1000)
        #expect(try Data(contentsOf: folder.appendingPathComponent("second.\(format)")) == bytes)
    }

    @Test func csvWritesOneFilePerTableIntoTheFolder() throws {
        // Given the demo database
        let folder = try Self.demo.get()

        // When the CSV export is written for Excel in Swedish
        let result = try report(["--lang", "sv", "--format", "csv", "--excel", "--out-dir", "tables"])

        // Then the folder holds a file per table and provenance.csv, each with a BOM and ';'
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path)
        for name in ["key-figures.csv", "needs-by-region.csv", "paths.csv", "provenance.csv"] {
            #expect(names.contains(name), "\(names)")
        }
        let bytes = try Data(contentsOf: folder.appendingPathComponent("tables/key-figures.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("Nyckeltal;Värde\r\nSvar;60\r\n"))
    }

    @Test func xlsxRefusesTheTerminalAndCSVAsksForAFolder() throws {
        // When XLSX is asked for without --out, CSV without --out-dir, --excel without CSV
        let xlsx = try report(["--format", "xlsx"])
        let csv = try report(["--format", "csv"])
        let excel = try report(["--format", "md", "--excel"])

        // Then each is a usage error that says what to add
        #expect(xlsx.status == 64 && xlsx.stdout.isEmpty)
        #expect(xlsx.stderr.contains("add --out FILE"))
        #expect(csv.status == 64 && csv.stderr.contains("add --out-dir DIR"))
        #expect(excel.status == 64 && excel.stderr.contains("--excel applies to --format csv only"))
    }

    @Test func anUnknownRoundNamesTheRoundsThatExist() throws {
        // When a round the database does not hold is asked for
        let result = try report(["--round", "1999"])

        // Then it fails as a domain error naming the rounds there, and a known round works
        #expect(result.status == 1)
        #expect(result.stderr.contains("no responses in round \"1999\""))
        #expect(result.stderr.contains("rounds there: 2026"))
        let known = try report(["--round", "2026", "--format", "json"])
        #expect(known.status == 0, "\(known.stderr)")
        #expect(known.stdout.contains("\"command\": \"osaava report --lang fi --format json --db osaava-demo.sqlite"))
        #expect(known.stdout.contains("--round 2026"))
    }

    @Test func theStampIsTheOnlyDifferenceItMakes() throws {
        // When the JSON report is written with and without --stamp
        let plain = try report(["--format", "json"])
        let stamped = try report(["--format", "json", "--stamp"])

        // Then only the stamped one says when it was generated
        #expect(plain.status == 0 && stamped.status == 0)
        #expect(plain.stdout.contains("\"generated\": null"))
        #expect(stamped.stdout.contains(/"generated": "\d{4}-\d\d-\d\dT/))
    }

    @Test func aContactListAddsTheResponseRate() throws {
        // Given a fresh demo database and a contact list of four organisations that never answered
        let folder = try OsaavaBinary.temporaryFolder()
        let demo = try OsaavaBinary.run(
            ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", "30"], in: folder)
        try #require(demo.status == 0, "\(demo.stderr)")
        let list = "name,business_id,region\nAlfa Oy,,kokkola\nBeta Oy,,vaasa\nGamma Oy,,pori\nDelta Oy,,turku\n"
        try Data(list.utf8).write(to: folder.appendingPathComponent("contacts.csv"))
        let imported = try OsaavaBinary.run(
            ["contacts", "import", "contacts.csv", "--db", "osaava-demo.sqlite", "--catalog", OsaavaBinary.root.path],
            in: folder)
        try #require(imported.status == 0, "\(imported.stderr)")

        // When the report is written in English Markdown
        let result = try OsaavaBinary.run(
            ["report", "--db", "osaava-demo.sqlite", "--catalog", OsaavaBinary.root.path, "--lang", "en"], in: folder)

        // Then the key figures show the list and a response rate of 0 %, and the methods define it
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("| Organisations on the contact list | 4 |"))
        #expect(result.stdout.contains("| Response rate | 0% |"))
        #expect(
            result.stdout.contains("Response rate = organisations that answered / organisations on the contact list."))
        // And no contact's name reaches the report
        #expect(!result.stdout.contains("Alfa Oy"))
    }
}
