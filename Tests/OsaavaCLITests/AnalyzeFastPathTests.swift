import ArgumentParser
import Catalog
import Foundation
import Testing

@testable import OsaavaCLI

/// The analyze commands' fast path reads its argument vectors exactly as ArgumentParser does, and
/// leaves every other vector to ArgumentParser.
@Suite struct AnalyzeFastPathTests {
    /// The request ArgumentParser makes of `arguments`, or nil when it would not run an analyze command.
    static func parsed(_ arguments: [String]) -> AnalyzeRequest? {
        (try? OsaavaCommand.parseAsRoot(arguments) as? any AnalyzeSubcommand)?.request
    }

    @Test func theCommonFormsTakeTheFastPathWithTheirValues() throws {
        // Given the forms the README, the bench and the steering workflow use
        let vectors = [
            ["analyze", "needs"],
            ["analyze", "needs", "--by", "skill-group", "--db", "a.sqlite", "--catalog", "/srv/catalogue"],
            ["analyze", "needs", "--by=region,skill,horizon", "--format", "csv", "--source", "scan"],
            ["analyze", "needs", "--region", "KOK", "--min-respondents", "5", "--round", "2026"],
            ["analyze", "gaps", "--region", "VAA", "--format", "json"],
            ["analyze", "shared", "--min-respondents=4"],
            ["analyze", "challenges", "--round", "2026", "--db", "x.sqlite"],
            ["analyze", "trends", "--by", "skill", "--horizon", "near", "--skill-group", "CHEM"],
        ]
        for arguments in vectors {
            // When both readers read it
            let fast = AnalyzeFastPath.request(arguments)

            // Then the fast path takes it, and makes the request ArgumentParser makes
            #expect(fast != nil, "\(arguments) should take the fast path")
            #expect(fast == Self.parsed(arguments), "\(arguments)")
        }
        #expect(
            AnalyzeFastPath.request(["analyze", "needs", "--by", "skill", "--format", "csv", "--db", "d"])
                == AnalyzeRequest(
                    question: .needs(by: "skill", source: .auto), workspace: Workspace(db: "d", catalog: nil),
                    choices: AnalysisChoices(format: .csv)))
    }

    @Test func whatTheFastPathDoesNotReadExactlyIsLeftToArgumentParser() {
        // Given vectors with help, flags, unknown or repeated options, bad values, or another command
        let vectors = [
            ["analyze", "needs", "--help"], ["analyze", "needs", "-h"], ["analyze", "--help"], ["analyze"],
            ["--version"], ["analyze", "needs", "--by"], ["analyze", "needs", "--by", "--format", "csv"],
            ["analyze", "needs", "--format", "xml"], ["analyze", "needs", "--min-respondents", "three"],
            ["analyze", "needs", "--source", "cache"], ["analyze", "gaps", "--by", "skill"],
            ["analyze", "needs", "--region", "A", "--region", "B"], ["analyze", "needs", "region"],
            ["analyze", "needs", "--region", "-1"], ["analyze", "shared", "--region", "KOK"],
            ["plan", "paths"], ["analyze", "needs", "--", "--by"], ["analyze", "nothing"],
            // ArgumentParser reads `--round=` as `--round` and wants the value next
            ["analyze", "needs", "--round="], ["analyze", "needs", "--by=", "--db", "x"],
        ]
        // Then the fast path declines each one
        for arguments in vectors {
            #expect(AnalyzeFastPath.request(arguments) == nil, "\(arguments)")
        }
    }

    @Test(arguments: 2020...2027 as ClosedRange<UInt64>)
    func onThousandsOfSeededVectorsTheFastPathAgreesWithArgumentParser(seed: UInt64) {
        // Given seeded vectors drawn from the analyze commands' words, other options, and values good and bad
        var generator = SeededGenerator(seed: seed)
        let subcommands = ["needs", "gaps", "shared", "challenges", "trends", "needs", "trends", "other"]
        let names = [
            "by", "region", "skill-group", "horizon", "round", "min-respondents", "format", "source", "db", "catalog",
            "help", "version", "organisations", "",
        ]
        let values = [
            "region,skill", "skill-group", " skill , region", "KOK", "", "3", "05", "+4", "-1", "abc", "csv", "json",
            "table", "xml", "scan", "rollups", "auto", "a b.sqlite", "-", "--", "--by", "x=y", "ä",
        ]
        var taken = 0
        for _ in 0..<1500 {
            var arguments = ["analyze", subcommands.randomElement(using: &generator)!]
            if Int.random(in: 0..<40, using: &generator) == 0 { arguments[0] = "analyse" }
            for _ in 0..<Int.random(in: 0...4, using: &generator) {
                let name = "--" + names.randomElement(using: &generator)!
                let value = values.randomElement(using: &generator)!
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: arguments.append(value)
                case 1: arguments.append(name)
                case 2, 3: arguments.append(name + "=" + value)
                default: arguments += [name, value]
                }
            }

            // When the fast path reads one
            guard let fast = AnalyzeFastPath.request(arguments) else { continue }
            taken += 1

            // Then ArgumentParser reads it into the same request
            #expect(fast == Self.parsed(arguments), "\(arguments)")
        }
        // (and the draw gave the fast path enough to read for the comparison to mean something)
        #expect(taken > 200, "only \(taken) of 1,500 vectors took the fast path")
    }

    @Test func theContextReadsTheEnvironmentAsProcessInfoDoesAndResolvesPaths() {
        // Given this process's context, read with POSIX calls
        let context = CommandContext.current

        // Then its environment is the one ProcessInfo reads
        #expect(context.environment == ProcessInfo.processInfo.environment)

        // And paths resolve against its folder, with or without a slash at the end of the folder
        var root = context
        root.folder = "/"
        #expect(root.resolvedPath("osaava.sqlite") == "/osaava.sqlite")
        root.folder = "/srv/data"
        #expect(root.resolvedPath("a/b.sqlite") == "/srv/data/a/b.sqlite")
        #expect(root.resolvedPath("/elsewhere.sqlite") == "/elsewhere.sqlite")
    }
}
