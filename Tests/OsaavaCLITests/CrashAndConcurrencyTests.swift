import Catalog
import Foundation
import Testing

/// What must never be lost: answers acknowledged before a SIGKILL, and writes of two processes at once.
@Suite(.serialized) struct CrashAndConcurrencyTests {
    @Test func killingTheInterviewAtRandomPointsNeverLosesAnAcknowledgedAnswer() throws {
        // Given 24 kill points spread over the scripted interview (seeded, so a failure can be replayed)
        var random = SeededGenerator(seed: 20_261_126)
        let answers = InterviewEndToEndTests.answers
        let folder = try OsaavaBinary.temporaryFolder()
        for round in 0..<24 {
            let database = folder.appendingPathComponent("crash-\(round).sqlite")
            let acknowledged = Int(random.next() % UInt64(answers.count))
            let child = try InteractiveOsaava(["survey", "fill", InterviewEndToEndTests.survey, "--db", database.path])
            // When `acknowledged` answers have been followed by their next prompt, one more answer is
            // sent, and the process is killed after a random pause (0–4 ms) — maybe mid-write
            for answer in answers.prefix(acknowledged) {
                _ = child.waitForPrompt()
                child.answer(answer)
            }
            _ = child.waitForPrompt()
            child.answer(answers[acknowledged])
            usleep(useconds_t(random.next() % 5_000))
            child.kill()

            // Then the draft holds every acknowledged answer (and at most the one in flight)
            let saved =
                acknowledged == 0 && !FileManager.default.fileExists(atPath: database.path)
                ? 0 : Int(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM draft_answer")) ?? -1
            #expect(
                saved == acknowledged || saved == acknowledged + 1,
                "round \(round): \(acknowledged) acknowledged, \(saved) saved")
            guard saved > 0 else { continue }

            // And resuming with the rest of the script completes the response
            let draft = try OsaavaBinary.sqlite(database, "SELECT id FROM draft")
            let rest = answers.dropFirst(saved).joined(separator: "\n") + "\n"
            let resumed = try OsaavaBinary.run(["survey", "resume", draft, "--db", database.path], input: rest)
            #expect(resumed.status == 0, "round \(round): \(resumed.stderr)")
            #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM response") == "1", "round \(round)")
            #expect(try OsaavaBinary.sqlite(database, "SELECT skill || level || people FROM need") == "RAW0225")
        }
    }

    @Test func killingABulkImportLeavesTheDatabaseAsItWas() throws {
        // Given a database holding one response, and a needs CSV big enough to be a bulk import
        // (written through a rollback journal rather than the WAL)
        let (database, big) = try NeedsCSVImportEndToEndTests.bulkImportSetUp(rows: 200_000)
        let survey = ["--survey", "battery-competence-2026", "--db", database.path]

        // When the import of the big file is killed while its rollback journal exists
        let child = try InteractiveOsaava(["survey", "import", big.path] + survey)
        let journal = database.path + "-journal"
        var waited = 0
        while !FileManager.default.fileExists(atPath: journal) && child.process.isRunning && waited < 60_000 {
            usleep(1_000)
            waited += 1
        }
        #expect(FileManager.default.fileExists(atPath: journal), "no rollback journal seen")
        usleep(50_000)
        child.kill()

        // Then the next reader rolls the hot journal back: the file is intact and holds only the
        // response from before, and osaava opens it in WAL mode again
        #expect(try OsaavaBinary.sqlite(database, "PRAGMA integrity_check") == "ok")
        #expect(try OsaavaBinary.sqlite(database, "SELECT group_concat(id) FROM response") == "x1")
        let status = try OsaavaBinary.run(["db", "status", "--db", database.path])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(try OsaavaBinary.sqlite(database, "PRAGMA journal_mode") == "wal")
    }

    @Test func twoProcessesWritingOneDatabaseWaitForEachOther() throws {
        // Given one database and two response files (from the demo, split in two)
        let folder = try OsaavaBinary.temporaryFolder()
        let demo = try OsaavaBinary.run(
            ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", "80"], in: folder)
        try #require(demo.status == 0, "\(demo.stderr)")
        let export = try OsaavaBinary.run(
            [
                "survey", "responses", "--format", "csv", "--include-identifiers", "--db",
                folder.appendingPathComponent("osaava-demo.sqlite").path,
            ])
        let lines = export.stdout.split(separator: "\r\n").map(String.init)
        let header = lines[0]
        let rows = lines.dropFirst()
        // Split by response so both halves are whole responses.
        let first = rows.filter { ($0.split(separator: ",").first.flatMap { Int($0.dropFirst(5)) } ?? 0) <= 40 }
        let second = rows.filter { !first.contains($0) }
        let files = [("a.csv", first), ("b.csv", second)].map { name, part -> URL in
            let url = folder.appendingPathComponent(name)
            try? ([header] + part).joined(separator: "\r\n").appending("\r\n").write(
                to: url, atomically: true, encoding: .utf8)
            return url
        }
        let database = folder.appendingPathComponent("central.sqlite")

        // When both are imported at the same time by two processes, while a third process fills in an interview
        let group = DispatchGroup()
        let results = Results()
        for file in files {
            group.enter()
            DispatchQueue.global().async {
                let result = try? OsaavaBinary.run(
                    ["survey", "import", file.path, "--survey", InterviewEndToEndTests.survey, "--db", database.path])
                results.append(result)
                group.leave()
            }
        }
        group.enter()
        DispatchQueue.global().async {
            let result = try? OsaavaBinary.run(
                ["survey", "fill", InterviewEndToEndTests.survey, "--db", database.path],
                input: InterviewEndToEndTests.answers.joined(separator: "\n") + "\n")
            results.append(result)
            group.leave()
        }
        group.wait()

        // Then every process succeeded (none failed with "database is locked") and every response is there once
        let all = results.all
        #expect(all.count == 3)
        for result in all {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
            #expect(!(result?.stderr.contains("locked") ?? true))
        }
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(*) FROM response") == "81")
        #expect(try OsaavaBinary.sqlite(database, "SELECT count(DISTINCT id) FROM response") == "81")
    }
}

/// Thread-safe collection of child-process results.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [OsaavaBinary.Result?] = []

    func append(_ item: OsaavaBinary.Result?) { lock.withLock { items.append(item) } }
    var all: [OsaavaBinary.Result?] { lock.withLock { items } }
}
