import Foundation
import Testing

/// The interview as a coordinator's script drives it through a pipe: killed midway, resumed, completed.
@Suite(.serialized) struct InterviewEndToEndTests {
    static let survey = "battery-competence-2026"

    /// Answers to the shipped survey, in order: organisation, one need, no research interest, consents.
    static let answers = [
        "Testi Oy", "!skip", "kokkola", "1", "2", "1,2",  // organisation
        "RAW02", "2", "!skip", "5", "now", "4", "1", "n",  // one competence need, then "add another?" no
        "!skip", "!skip",  // no research interest: challenges are skipped; no infrastructures
        "y", "y", "y",  // consents
    ]

    @Test func aKilledInterviewKeepsEveryAnswerAndResumesWhereItStopped() throws {
        // Given a fresh database and an interview driven through a pipe
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("coordinator.sqlite")
        let child = try InteractiveOsaava([
            "survey", "fill", Self.survey, "--db", database.path, "--lang", "en",
        ])
        // When seven answers are given, the eighth prompt is printed, and the process is killed with SIGKILL
        for answer in Self.answers.prefix(7) {
            _ = child.waitForPrompt()
            child.answer(answer)
        }
        let eighth = child.waitForPrompt()
        #expect(eighth.contains("At what level"), "the eighth prompt asks for the level: \(eighth)")
        child.kill()

        // Then the draft holds exactly the seven answers (an answer counts as saved once the next prompt shows)
        let drafts = try OsaavaBinary.run(["survey", "drafts", "--db", database.path, "--format", "csv"])
        #expect(drafts.status == 0)
        let row = try #require(drafts.stdout.split(separator: "\r\n").dropFirst().first)
        let fields = row.split(separator: ",", omittingEmptySubsequences: false)
        let draft = String(fields[0])
        #expect(fields[4] == "7", "answers saved before the kill: \(row)")
        #expect(
            try OsaavaBinary.sqlite(database, "SELECT count(*) FROM draft_answer WHERE draft_id = '\(draft)'") == "7")

        // When the draft is resumed with the remaining answers
        let rest = Self.answers.dropFirst(7).joined(separator: "\n") + "\n"
        let resumed = try OsaavaBinary.run(["survey", "resume", draft, "--db", database.path], input: rest)

        // Then it continues at the first unanswered question and completes the response
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("7 answers already given"))
        #expect(resumed.stdout.contains("At what level is the skill needed?"))
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM draft") == "0")
        let response = try OsaavaBinary.sqlite(
            database, "SELECT survey, round, language, synthetic FROM response WHERE is_current")
        #expect(response == "battery-competence-2026|2026|en|0")
        let need = try OsaavaBinary.sqlite(
            database, "SELECT region, sector, size, skill, level, people, horizon, priority, formats FROM need")
        #expect(need == "kokkola|mining|small|RAW02|2|5|now|4|degree")
        let organisation = try OsaavaBinary.sqlite(database, "SELECT name, region FROM organisation")
        #expect(organisation == "Testi Oy|kokkola")
    }

    @Test(arguments: [SIGINT, SIGHUP])
    func ctrlCOrAClosedTerminalKeepsTheDraftAndExits130(signal: Int32) throws {
        // Given an interview with two answers given and the third prompt shown
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("signal.sqlite")
        let child = try InteractiveOsaava(["survey", "fill", Self.survey, "--db", database.path, "--lang", "en"])
        for answer in Self.answers.prefix(2) {
            _ = child.waitForPrompt()
            child.answer(answer)
        }
        _ = child.waitForPrompt()

        // When Ctrl-C is pressed (SIGINT) or the terminal closes (SIGHUP)
        let (status, errors) = child.interrupt(signal)

        // Then the process exits 130, says how to resume, and the draft keeps both answers
        #expect(status == 130)
        #expect(errors.contains("osaava survey resume d"), "\(errors)")
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM draft_answer") == "2")
    }

    @Test func endOfInputKeepsTheDraftAndSaysHowToResume() throws {
        // Given a script that stops after three answers
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("eof.sqlite")

        // When its input ends
        let result = try OsaavaBinary.run(
            ["survey", "fill", Self.survey, "--db", database.path], input: "Oy Esimerkki Ab\n!skip\nvaasa\n")

        // Then osaava exits 0, keeps the draft and prints the resume command
        #expect(result.status == 0)
        #expect(result.stderr.contains("osaava survey resume d"))
        #expect(result.stderr.contains("--db \(database.path)"))
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM draft_answer") == "3")
    }

    @Test func aWrongAnswerIsExplainedAndTheInterviewGoesOn() throws {
        // Given an interview whose first need says 20000 people (above the catalogue's 10,000 limit)
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("wrong.sqlite")
        var answers = Self.answers
        answers.insert("20000", at: 9)

        // When the answers are piped in
        let result = try OsaavaBinary.run(
            ["survey", "fill", Self.survey, "--db", database.path, "--lang", "en"],
            input: answers.joined(separator: "\n") + "\n")

        // Then the wrong answer is rejected with the range, and the response is still completed
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("“20000” is not a whole number between 1 and 10000."))
        #expect(try OsaavaBinary.sqlite(database, "SELECT people FROM need") == "5")
    }

    @Test func theDatabaseIsCreatedReadableByItsOwnerOnly() throws {
        // Given a fresh folder
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("private.sqlite")

        // When a response is saved
        let result = try OsaavaBinary.run(
            ["survey", "fill", Self.survey, "--db", database.path], input: Self.answers.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")

        // Then the database and its WAL and SHM files have mode 0600
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database.path + suffix) {
            let attributes = try FileManager.default.attributesOfItem(atPath: database.path + suffix)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            #expect(mode == 0o600, "\(database.lastPathComponent)\(suffix) has mode \(String(mode, radix: 8))")
        }
        #expect(try OsaavaBinary.sqlite(database, "PRAGMA journal_mode") == "wal")
    }
}
