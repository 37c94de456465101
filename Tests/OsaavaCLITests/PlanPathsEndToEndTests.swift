import Foundation
import Testing

/// `osaava plan paths` as a user runs it: portfolios, learner paths with consent, filters, golden text.
@Suite(.serialized) struct PlanPathsEndToEndTests {
    let survey = InterviewEndToEndTests.survey

    func osaava(_ arguments: [String], input: String = "", in folder: URL? = nil) throws -> OsaavaBinary.Result {
        try OsaavaBinary.run(arguments + ["--catalog", OsaavaBinary.root.path], input: input, in: folder)
    }

    /// The demo database in a fresh folder.
    func demo() throws -> URL {
        let folder = try OsaavaBinary.temporaryFolder()
        let result = try OsaavaBinary.run(["demo", "--catalog", OsaavaBinary.root.path], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        return folder.appendingPathComponent("osaava-demo.sqlite")
    }

    @Test func theRegionalPortfoliosOfTheDemoMatchTheGoldenText() throws {
        // Given the demo database
        let database = try demo()

        // When every region's portfolio is planned
        let result = try osaava(["plan", "paths", "--db", database.path])

        // Then the table is the recorded one (and every plan is proven optimal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("not proven"))
        try Golden.check(result.stdout, named: "plan-paths.txt")
    }

    @Test func aLearnerPathNeedsTheOrganisationsConsent() throws {
        // Given two organisations, one consenting to the use of its answers for planning and one not
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("learner.sqlite")
        var answers = InterviewEndToEndTests.answers
        _ = try osaava(
            ["survey", "fill", survey, "--db", database.path], input: answers.joined(separator: "\n") + "\n")
        answers[0] = "Ei Suostu Oy"
        answers[answers.count - 1] = "n"
        _ = try osaava(
            ["survey", "fill", survey, "--db", database.path], input: answers.joined(separator: "\n") + "\n")

        // When learner paths are asked for both
        let consenting = try osaava(["plan", "paths", "--organisation", "Testi Oy", "--db", database.path])
        let refusing = try osaava(["plan", "paths", "--organisation", "Ei Suostu Oy", "--db", database.path])

        // Then the consenting one gets a path for its own need, the other a refusal naming the consent
        #expect(consenting.status == 0, "\(consenting.stderr)")
        #expect(consenting.stdout.contains("Learner path — organisation org-"))
        #expect(consenting.stdout.contains("1 needs of its own"))
        #expect(!consenting.stdout.contains("Testi Oy"))
        #expect(refusing.status == 1)
        #expect(refusing.stderr.contains("did not consent"))
    }

    @Test func completedCoursesAreNotPlannedAgain() throws {
        // Given an organisation's learner path
        let folder = try OsaavaBinary.temporaryFolder()
        let database = folder.appendingPathComponent("completed.sqlite")
        _ = try osaava(
            ["survey", "fill", survey, "--db", database.path],
            input: InterviewEndToEndTests.answers.joined(separator: "\n") + "\n")
        let first = try osaava([
            "plan", "paths", "--organisation", "Testi Oy", "--db", database.path, "--format", "csv",
        ])
        let course = try #require(
            first.stdout.split(separator: "\r\n").dropFirst().first?.split(separator: ",").dropFirst(4).first)

        // When the learner has completed that course
        let second = try osaava(
            ["plan", "paths", "--organisation", "Testi Oy", "--db", database.path, "--completed", String(course)])

        // Then the need counts as met and the course is not planned again
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("Already met"))
        #expect(!second.stdout.contains("term 1  \(course)"))
    }

    @Test func filtersKeepOnlyTheAskedCoursesAndNeeds() throws {
        // Given the demo database
        let database = try demo()

        // When only online courses for the DIG skill group are allowed
        let result = try osaava(
            ["plan", "paths", "--db", database.path, "--skill-group", "DIG", "--delivery", "online", "--format", "csv"])

        // Then every chosen course is online and every proposal is for a DIG skill
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(separator: "\r\n").dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(!rows.isEmpty)
        for row in rows where row[1] == "course" {
            #expect(try Self.deliveryOf(String(row[4])) == "online", "\(row)")
        }
        for row in rows where row[1] == "new-module" { #expect(row[5].hasPrefix("DIG"), "\(row)") }
    }

    @Test func unknownFilterValuesAreUsageErrors() throws {
        let delivery = try osaava(["plan", "paths", "--delivery", "postal"])
        #expect(delivery.status == 64)
        #expect(delivery.stderr.contains("contact, online, blended"))
        let group = try osaava(["plan", "paths", "--skill-group", "XYZ"])
        #expect(group.status == 64)
        let both = try osaava(["plan", "paths", "--region", "vaasa", "--all-regions"])
        #expect(both.status == 64)
    }

    /// A course's delivery mode, read from the shipped catalogue files.
    static func deliveryOf(_ code: String) throws -> String? {
        let folder = OsaavaBinary.root.appendingPathComponent("curricula/courses")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            guard let start = text.range(of: "code: \(code)\n") else { continue }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "- code:")?.lowerBound ?? rest.endIndex
            let entry = rest[..<end]
            guard let line = entry.split(separator: "\n").first(where: { $0.contains("delivery:") }) else { return nil }
            return line.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
