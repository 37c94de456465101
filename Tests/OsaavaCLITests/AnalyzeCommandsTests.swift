import Foundation
import Testing

/// The analyze commands run as a user runs them, on the demo's data, checked against the
/// database queried independently with the sqlite3 shell.
@Suite(.serialized) struct AnalyzeCommandsTests {
    /// Runs osaava with extra environment variables (the catalogue cache's folder).
    static func run(_ arguments: [String], environment extra: [String: String]) throws -> OsaavaBinary.Result {
        let process = Process()
        process.executableURL = try OsaavaBinary.executable()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["OSAAVA_DB"] = nil
        environment.merge(extra) { _, new in new }
        process.environment = environment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return OsaavaBinary.Result(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    static func demo() throws -> (folder: URL, database: String) {
        let folder = try OsaavaBinary.temporaryFolder()
        let result = try OsaavaBinary.run(
            ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", "120"], in: folder)
        try #require(result.status == 0, "demo failed: \(result.stderr)")
        return (folder, folder.appendingPathComponent("osaava-demo.sqlite").path)
    }

    /// The demo database and a copy of the shipped catalogue beside it (to edit).
    static func demoWithCatalogueCopy() throws -> (folder: URL, database: String, catalogue: URL) {
        let (folder, database) = try demo()
        let catalogue = folder.appendingPathComponent("catalogue")
        for part in ["surveys", "curricula"] {
            try FileManager.default.copyItem(
                at: OsaavaBinary.root.appendingPathComponent(part), to: catalogue.appendingPathComponent(part))
        }
        return (folder, database, catalogue)
    }

    static func rows(_ csv: String) -> [[String: String]] {
        let lines = csv.split(separator: "\r\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        guard let header = lines.first else { return [] }
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    @Test func gapRowsShowTheDemandTheDatabaseHoldsForCellsOfKOrganisations() throws {
        // Given the demo database
        let (folder, database) = try Self.demo()
        let cache = folder.appendingPathComponent("cache").path

        // When the gaps are listed as CSV
        let result = try Self.run(
            ["analyze", "gaps", "--format", "csv", "--db", database, "--catalog", OsaavaBinary.root.path],
            environment: ["XDG_CACHE_HOME": cache])
        #expect(result.status == 0, "\(result.stderr)")
        let gaps = Self.rows(result.stdout)
        #expect(!gaps.isEmpty)

        // Then each row's organisations and demand per year are what SQL computes from the need rows
        for gap in gaps.prefix(15) {
            let region = gap["region"] ?? ""
            let skill = gap["skill"] ?? ""
            let sql = try OsaavaBinary.sqlite(
                URL(fileURLWithPath: database),
                """
                SELECT count(DISTINCT organisation_id) || '|' || printf('%.1f', sum(people * 1.0 /
                    CASE horizon WHEN 'now' THEN 1 WHEN '1-2y' THEN 2 ELSE 3 END))
                FROM need WHERE is_current AND region = '\(region)' AND skill = '\(skill)'
                """)
            #expect(sql == "\(gap["respondents"] ?? "")|\(gap["demand_per_year"] ?? "")", "\(region) \(skill)")
            #expect((Int(gap["respondents"] ?? "") ?? 0) >= 3)
        }
        // And the rows are sorted by shortfall, largest first
        let shortfalls = gaps.map { max(0, Double($0["gap"] ?? "") ?? 0) }
        #expect(shortfalls == shortfalls.sorted(by: >))
    }

    @Test func rollupsAndAFullScanPrintTheSameTable() throws {
        // Given the demo database
        let (folder, database) = try Self.demo()
        let environment = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        let base = [
            "analyze", "needs", "--by", "region,skill,horizon", "--db", database, "--catalog", OsaavaBinary.root.path,
        ]

        // When the same table is read from the maintained rollups and from a full scan
        let rollups = try Self.run(base + ["--source", "rollups"], environment: environment)
        let scan = try Self.run(base + ["--source", "scan"], environment: environment)

        // Then both succeed and print the same cells (only the note on the source differs)
        #expect(rollups.status == 0 && scan.status == 0, "\(rollups.stderr)\(scan.stderr)")
        func body(_ text: String) -> [Substring] {
            text.split(separator: "\n").filter { !$0.hasPrefix("figures from") }
        }
        #expect(body(rollups.stdout) == body(scan.stdout))
        #expect(rollups.stdout.contains("figures from maintained rollups"))
        #expect(scan.stdout.contains("figures from a full scan"))
        // And a table the rollups do not hold is refused with what to do instead
        let refused = try Self.run(
            [
                "analyze", "needs", "--by", "sector", "--source", "rollups", "--db", database, "--catalog",
                OsaavaBinary.root.path,
            ],
            environment: environment)
        #expect(refused.status == 64 && refused.stderr.contains("--source scan"))
    }

    @Test func theCatalogueCacheFollowsAnEditedCatalogue() throws {
        // Given the demo database and a copy of the catalogue
        let (folder, database, catalogue) = try Self.demoWithCatalogueCopy()
        let cache = folder.appendingPathComponent("cache")
        let arguments = ["analyze", "needs", "--by", "skill-group", "--db", database, "--catalog", catalogue.path]

        // When the same analysis runs twice
        let first = try Self.run(arguments, environment: ["XDG_CACHE_HOME": cache.path])
        let second = try Self.run(arguments, environment: ["XDG_CACHE_HOME": cache.path])

        // Then the second reads the cache and prints the same
        #expect(first.status == 0 && first.stdout == second.stdout, "\(first.stderr)")
        let cached = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("osaava").path)
        #expect(cached.count == 1)
        #expect(first.stdout.contains("fewer than 3 organisations"))

        // And the same catalogue named by another path to it uses the same cache file
        var roundabout = arguments
        roundabout[roundabout.count - 1] = catalogue.path + "/../catalogue/./"
        let third = try Self.run(roundabout, environment: ["XDG_CACHE_HOME": cache.path])
        #expect(third.stdout == first.stdout, "\(third.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("osaava").path) == cached)

        // When K is raised in the catalogue's settings
        let settings = catalogue.appendingPathComponent("surveys/settings.yaml")
        let text = try String(contentsOf: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "minRespondents: 3", with: "minRespondents: 4")
            .write(to: settings, atomically: true, encoding: .utf8)
        let edited = try Self.run(arguments, environment: ["XDG_CACHE_HOME": cache.path])

        // Then the edited catalogue is used, not the cached one
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout.contains("fewer than 4 organisations"))
    }

    /// The one cache file in a cache folder (after a first run).
    static func cacheFile(_ cache: URL) throws -> URL {
        let folder = cache.appendingPathComponent("osaava")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        try #require(files.count == 1, "\(files)")
        return folder.appendingPathComponent(files[0])
    }

    /// What a system tool prints (it must succeed).
    static func tool(_ executable: String, _ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "\(executable) \(arguments) failed")
        return text
    }

    @Test func aDamagedOrStrangeCatalogueCacheIsReadAgainFromTheFiles() throws {
        // Given the demo database, and what an analysis prints from the catalogue files
        let (folder, database) = try Self.demo()
        let cache = folder.appendingPathComponent("cache")
        let arguments = [
            "analyze", "trends", "--by", "skill-group", "--db", database, "--catalog", OsaavaBinary.root.path,
        ]
        let expected = try Self.run(arguments, environment: ["XDG_CACHE_HOME": cache.path])
        #expect(expected.status == 0, "\(expected.stderr)")

        // When a byte of the cache file is damaged
        let file = try Self.cacheFile(cache)
        var bytes = try Data(contentsOf: file)
        bytes[bytes.count / 2] ^= 0x20
        try bytes.write(to: file)
        // Then the same is printed (the damaged cache is not used)
        #expect(try Self.run(arguments, environment: ["XDG_CACHE_HOME": cache.path]).stdout == expected.stdout)

        // When a FIFO stands where the cache file is
        let fifo = try Self.cacheFile(cache)
        try FileManager.default.removeItem(at: fifo)
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Then the command does not wait on it: it reads the files and prints the same
        let process = Process()
        process.executableURL = try OsaavaBinary.executable()
        process.arguments = arguments
        process.environment = ["XDG_CACHE_HOME": cache.path]
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        let finished = !process.isRunning
        if !finished { process.terminate() }
        let output = String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(finished, "the command waited on a FIFO for 30 s")
        #expect(output == expected.stdout)
    }

    @Test func anEditThatPutsBackTheModificationTimeIsSeenAndTwoCataloguesStayCached() throws {
        // Given the demo database, a copy of the catalogue, and its analysis cached
        let (folder, database, catalogue) = try Self.demoWithCatalogueCopy()
        let cache = folder.appendingPathComponent("cache")
        let environment = ["XDG_CACHE_HOME": cache.path]
        let arguments = ["analyze", "needs", "--by", "skill-group", "--db", database, "--catalog", catalogue.path]
        #expect(try Self.run(arguments, environment: environment).stdout.contains("fewer than 3 organisations"))

        // When K is raised in the settings and the file's modification time is put back
        let settings = catalogue.appendingPathComponent("surveys/settings.yaml")
        // (with `touch -r`, to the nanosecond; the size stays the same)
        let reference = folder.appendingPathComponent("settings-times")
        let before = try Self.tool("/usr/bin/stat", "-c", "%y %s", settings.path)
        _ = try Self.tool("/usr/bin/touch", "-r", settings.path, reference.path)
        let text = try String(contentsOf: settings, encoding: .utf8)
        try text.replacingOccurrences(of: "minRespondents: 3", with: "minRespondents: 4")
            .write(to: settings, atomically: false, encoding: .utf8)
        _ = try Self.tool("/usr/bin/touch", "-r", reference.path, settings.path)
        #expect(try Self.tool("/usr/bin/stat", "-c", "%y %s", settings.path) == before)

        // Then the edited catalogue is used
        let edited = try Self.run(arguments, environment: environment)
        #expect(edited.stdout.contains("fewer than 4 organisations"), "\(edited.stderr)")

        // And the shipped catalogue, used in turn, gets a cache file of its own beside it
        var shipped = arguments
        shipped[shipped.count - 1] = OsaavaBinary.root.path
        #expect(try Self.run(shipped, environment: environment).status == 0)
        #expect(try Self.run(arguments, environment: environment).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("osaava").path)
        #expect(files.count == 2, "\(files)")
    }

    @Test func eachAnalyzeCommandPrintsTheSameFromTheCatalogueCacheAsFromTheFiles() throws {
        // Given the demo database and a catalogue cache written by another analyze command
        let (folder, database) = try Self.demo()
        let cache = folder.appendingPathComponent("cache").path
        let catalogue = ["--db", database, "--catalog", OsaavaBinary.root.path]
        let writer = try Self.run(
            ["analyze", "needs", "--by", "region"] + catalogue, environment: ["XDG_CACHE_HOME": cache])
        #expect(writer.status == 0, "\(writer.stderr)")

        for (index, command) in [
            ["needs", "--by", "skill-group"], ["gaps"], ["shared"], ["challenges"], ["trends", "--by", "region"],
        ].enumerated() {
            // When each command runs without a cache (reading the YAML files), and with the cache
            // (reading only the parts of it that the command needs)
            let files = try Self.run(
                ["analyze"] + command + catalogue,
                environment: ["XDG_CACHE_HOME": folder.appendingPathComponent("empty-\(index)").path])
            let cached = try Self.run(["analyze"] + command + catalogue, environment: ["XDG_CACHE_HOME": cache])

            // Then both print the same
            #expect(files.status == 0 && cached.status == 0, "\(command): \(files.stderr) \(cached.stderr)")
            #expect(cached.stdout == files.stdout, "\(command)")
        }
    }

    @Test func aTableTooLargeToShowIsRefusedBeforeAnyNeedIsRead() throws {
        // Given the demo database
        let (folder, database) = try Self.demo()
        let environment = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        let every = "region,skill,skill-group,horizon,level,sector,size,format,round"
        for command in [
            ["needs", "--by", every], ["needs", "--by", every, "--source", "scan"], ["trends", "--by", every],
        ] {
            // When a table by every dimension is asked for (~100 million combinations)
            let started = Date()
            let result = try Self.run(
                ["analyze"] + command + ["--db", database, "--catalog", OsaavaBinary.root.path],
                environment: environment)

            // Then it is refused at once, with the size and what to do instead
            #expect(result.status == 64, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("rows (every combination"), "\(result.stderr)")
            #expect(result.stderr.contains("Use fewer dimensions in --by"))
            #expect(Date().timeIntervalSince(started) < 10)
        }
        // And a table within the limit, narrowed by a filter, is made
        let narrowed = try Self.run(
            [
                "analyze", "needs", "--by", "region,skill,horizon,level,sector", "--region", "kokkola", "--db",
                database, "--catalog", OsaavaBinary.root.path, "--format", "csv",
            ], environment: environment)
        #expect(narrowed.status == 0, "\(narrowed.stderr)")
    }

    @Test func outputThatCannotBeWrittenFailsTheCommandAndSaysSo() throws {
        // Given the demo database, and an output that takes nothing (a full disk: /dev/full)
        let (folder, database) = try Self.demo()
        let process = Process()
        process.executableURL = try OsaavaBinary.executable()
        process.arguments = [
            "analyze", "needs", "--by", "region", "--db", database, "--catalog", OsaavaBinary.root.path,
        ]
        process.environment = ["XDG_CACHE_HOME": folder.appendingPathComponent("cache").path]
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let stderr = Pipe()
        process.standardError = stderr

        // When the command runs
        try process.run()
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        // Then it fails (EX_IOERR) and says why, instead of ending with success and no output
        #expect(process.terminationStatus == 74, "\(message)")
        #expect(message.contains("could not write the output: No space left on device"))
    }

    @Test func eachAnalyzeCommandClosesTheDatabaseLeavingNoWALBehind() throws {
        // Given the demo database, closed
        let (folder, database) = try Self.demo()
        let cache = folder.appendingPathComponent("cache").path
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))

        for command in [["needs", "--by", "skill-group"], ["gaps"], ["shared"], ["challenges"], ["trends"]] {
            // When an analyze command runs on it (through the fast path)
            let result = try Self.run(
                ["analyze"] + command + ["--db", database, "--catalog", OsaavaBinary.root.path],
                environment: ["XDG_CACHE_HOME": cache])

            // Then it succeeds, and closed the database as a released store would: no WAL, no SHM left
            #expect(result.status == 0, "\(command): \(result.stderr)")
            for suffix in ["-wal", "-shm"] {
                #expect(!FileManager.default.fileExists(atPath: database + suffix), "\(command) left \(suffix)")
            }
        }
    }
}
