import Foundation
import Testing

/// Several coordinators, one truth: merge, erasure, backup, edit, a second interview, contacts.
@Suite(.serialized) struct CoordinatorWorkflowTests {
    let survey = InterviewEndToEndTests.survey
    let answers = InterviewEndToEndTests.answers.joined(separator: "\n") + "\n"

    /// A coordinator's database with `count` synthetic responses (the demo's), in a fresh folder.
    func coordinator(_ count: Int) throws -> (folder: URL, database: URL) {
        let folder = try OsaavaBinary.temporaryFolder()
        let demo = try OsaavaBinary.run(
            ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", String(count)], in: folder)
        try #require(demo.status == 0, "\(demo.stderr)")
        return (folder, folder.appendingPathComponent("osaava-demo.sqlite"))
    }

    func osaava(_ arguments: [String], input: String = "") throws -> OsaavaBinary.Result {
        try OsaavaBinary.run(arguments + ["--catalog", OsaavaBinary.root.path], input: input)
    }

    @Test func mergingTwiceChangesNothingAndNeverTouchesTheOtherFile() throws {
        // Given a coordinator's database and an empty central one
        let (folder, other) = try coordinator(20)
        let central = folder.appendingPathComponent("central.sqlite")
        let before = try Data(contentsOf: other)

        // When it is merged twice
        let first = try osaava(["db", "merge", other.path, "--db", central.path])
        let second = try osaava(["db", "merge", other.path, "--db", central.path])

        // Then the first merge inserts every response, the second nothing, and the other file is unchanged
        #expect(first.status == 0 && second.status == 0, "\(first.stderr)\(second.stderr)")
        #expect(first.stdout.contains("inserted 20"))
        #expect(second.stdout.contains("nothing new"))
        #expect(try OsaavaBinary.sqlite(central, "SELECT count(*) FROM response") == "20")
        #expect(try Data(contentsOf: other) == before)
    }

    @Test func aConflictingMergeWritesNothingUntilAPreferenceIsGiven() throws {
        // Given two databases holding the same response id with different content
        let (folder, other) = try coordinator(10)
        let central = folder.appendingPathComponent("central.sqlite")
        _ = try osaava(["db", "merge", other.path, "--db", central.path])
        _ = try OsaavaBinary.sqlite(other, "UPDATE need SET people = people + 1 WHERE response_id = 'demo-0001'")
        _ = try OsaavaBinary.sqlite(
            other, "UPDATE response SET content_hash = 'edited-elsewhere' WHERE id = 'demo-0001'")
        let dump = try OsaavaBinary.sqlite(central, "SELECT group_concat(id || version, ',') FROM response")

        // When it is merged without --prefer
        let refused = try osaava(["db", "merge", other.path, "--db", central.path])

        // Then the conflict is reported, exit 1, and nothing was written
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("demo-0001"))
        #expect(refused.stderr.contains("--prefer incoming"))
        #expect(try OsaavaBinary.sqlite(central, "SELECT group_concat(id || version, ',') FROM response") == dump)

        // And with --prefer incoming the response gets a second version, the first kept
        let accepted = try osaava(["db", "merge", other.path, "--db", central.path, "--prefer", "incoming"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(try OsaavaBinary.sqlite(central, "SELECT count(*) FROM response WHERE id = 'demo-0001'") == "2")
    }

    @Test func anErasedOrganisationNeverComesBack() throws {
        // Given a central database merged from a coordinator
        let (folder, other) = try coordinator(10)
        let central = folder.appendingPathComponent("central.sqlite")
        _ = try osaava(["db", "merge", other.path, "--db", central.path])

        // When "Demo company 3" is erased by name
        let erased = try osaava(["db", "erase-organisation", "Demo company 3", "--db", central.path])

        // Then its responses, needs and record are gone, a tombstone stays, and no name is printed
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout.contains("erased org-"))
        #expect(!erased.stdout.contains("Demo company 3"))
        #expect(try OsaavaBinary.sqlite(central, "SELECT count(*) FROM response WHERE id = 'demo-0003'") == "0")
        #expect(
            try OsaavaBinary.sqlite(central, "SELECT count(*) FROM organisation WHERE name = 'Demo company 3'") == "0")
        #expect(try OsaavaBinary.sqlite(central, "SELECT count(*) FROM tombstone") == "1")
        // And nothing of it remains in the file's bytes (secure_delete + checkpoint)
        let bytes = try Data(contentsOf: central)
        #expect(bytes.range(of: Data("Demo company 3\"".utf8)) == nil)

        // When the coordinator's database is merged again, and its needs CSV imported again
        let merged = try osaava(["db", "merge", other.path, "--db", central.path])
        let export = folder.appendingPathComponent("needs.csv")
        let csv = try osaava(["survey", "responses", "--format", "csv", "--include-identifiers", "--db", other.path])
        try csv.stdout.write(to: export, atomically: true, encoding: .utf8)
        let imported = try osaava(["survey", "import", export.path, "--survey", survey, "--db", central.path])

        // Then the erased organisation is refused both times
        #expect(merged.stdout.contains("refused (erased) 1"), "\(merged.stdout)")
        #expect(imported.stdout.contains("belongs to an erased organisation"), "\(imported.stdout)")
        #expect(
            try OsaavaBinary.sqlite(central, "SELECT count(*) FROM organisation WHERE name = 'Demo company 3'") == "0")
    }

    @Test func aBackupIsAConsistentPrivateCopy() throws {
        // Given a database with responses
        let (folder, database) = try coordinator(10)
        let backup = folder.appendingPathComponent("backup.sqlite")

        // When it is backed up
        let result = try osaava(["db", "backup", backup.path, "--db", database.path])

        // Then the copy has the same responses and mode 0600, and a second backup to the same file is refused
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try OsaavaBinary.sqlite(backup, "SELECT count(*) FROM response") == "10")
        let mode = (try FileManager.default.attributesOfItem(atPath: backup.path)[.posixPermissions] as? NSNumber)
        #expect(mode?.intValue == 0o600)
        #expect(try osaava(["db", "backup", backup.path, "--db", database.path]).status == 1)
    }

    @Test func aSecondInterviewOfTheSameOrganisationUpdatesItsResponse() throws {
        // Given an organisation that has answered
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("c.sqlite")
        _ = try osaava(["survey", "fill", survey, "--db", database.path], input: answers)

        // When it is interviewed again with another number of people, and the coordinator confirms the update
        var second = InterviewEndToEndTests.answers
        second[9] = "6"
        let result = try osaava(
            ["survey", "fill", survey, "--db", database.path, "--lang", "en"],
            input: second.joined(separator: "\n") + "\ny\n")

        // Then the earlier response gets a new version instead of a duplicate
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("already answered"))
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(DISTINCT id), count(*) FROM response") == "1|2")
        #expect(try OsaavaBinary.sqlite(database, "SELECT people FROM need WHERE is_current") == "6")
    }

    @Test func editingAResponseMakesANewVersionAndKeepsTheOld() throws {
        // Given a response
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("edit.sqlite")
        _ = try osaava(["survey", "fill", survey, "--db", database.path], input: answers)
        let id = try OsaavaBinary.sqlite(database, "SELECT id FROM response")

        // When it is edited: Enter keeps every answer but the number of people (the 10th question)
        var lines = Array(repeating: "", count: InterviewEndToEndTests.answers.count)
        lines[9] = "12"
        let result = try osaava(
            ["survey", "edit", id, "--db", database.path], input: lines.joined(separator: "\n") + "\n")

        // Then version 2 is current with 12 people, version 1 is kept with 5
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try OsaavaBinary.sqlite(database, "SELECT version || ':' || people FROM need ORDER BY version")
                == "1:5\n2:12")
        #expect(try OsaavaBinary.sqlite(database, "SELECT version FROM response WHERE is_current") == "2")
    }

    @Test func contactsShowWhoAnsweredAndTheResponseRate() throws {
        // Given a target list of two organisations, one of which has answered
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("contacts.sqlite")
        _ = try osaava(["survey", "fill", survey, "--db", database.path], input: answers)
        let list = folder.appendingPathComponent("contacts.csv")
        try "name;business_id;region\r\nTesti Oy;;kokkola\r\nToinen Oy;0112038-9;vaasa\r\n".write(
            to: list, atomically: true, encoding: .utf8)

        // When the list is imported and listed
        let imported = try osaava(["contacts", "import", list.path, "--db", database.path])
        let listed = try osaava(["contacts", "list", "--db", database.path])

        // Then the one who answered shows as answered and the rates are per region
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(listed.stdout.contains("answered"))
        #expect(listed.stdout.contains("kokkola: 1 of 1 answered"))
        #expect(listed.stdout.contains("vaasa: 0 of 1 answered"))

        // And a malformed business ID refuses the whole file, naming line and column
        try "name,business_id,region\nHuono Oy,1234567-2,pori\n".write(to: list, atomically: true, encoding: .utf8)
        let refused = try osaava(["contacts", "import", list.path, "--db", database.path])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("line 2, column business_id"))
    }
}
