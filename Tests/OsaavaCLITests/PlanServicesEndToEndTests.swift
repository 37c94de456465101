import Foundation
import Testing

/// `osaava plan services` and `osaava plan consortia` run as a user runs them, on the demo's data
/// (100 synthetic organisations, seed 2026): golden text of each table, no count under K and no
/// organisation name in any format, the options' errors, and the report's sections.
@Suite(.serialized) struct PlanServicesEndToEndTests {
    /// The demo's database, made once for the suite.
    private static let demo = Result { () throws -> URL in
        let folder = try OsaavaBinary.temporaryFolder()
        let result = try OsaavaBinary.run(["demo", "--catalog", OsaavaBinary.root.path], in: folder)
        guard result.status == 0 else { throw DemoFailed(stderr: result.stderr) }
        return folder.appendingPathComponent("osaava-demo.sqlite")
    }

    private struct DemoFailed: Error {
        var stderr: String
    }

    static func run(_ arguments: [String]) throws -> OsaavaBinary.Result {
        try OsaavaBinary.run(arguments + ["--db", try demo.get().path, "--catalog", OsaavaBinary.root.path])
    }

    /// The rows of a `--format json` listing.
    static func rows(_ json: String) throws -> [[String: Any]] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    }

    /// Every `code=count` figure in a space-separated list field ("..": hidden).
    static func figures(_ field: Any?) -> [Int] {
        guard let text = field as? String else { return [] }
        return text.split(separator: " ").compactMap { item in
            item.split(separator: "=").last.flatMap { Int($0) }
        }
    }

    @Test func servicesTableMatchesItsGoldenFile() throws {
        // Given the demo's database
        // When the service concepts are listed as a table
        let result = try Self.run(["plan", "services"])

        // Then the command succeeds and prints the recorded text
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Service concepts:"))
        try Golden.check(result.stdout, named: "plan-services.txt")
    }

    @Test func consortiaTableMatchesItsGoldenFile() throws {
        // Given the demo's database
        // When the consortium proposals are listed as a table
        let result = try Self.run(["plan", "consortia"])

        // Then the command succeeds, marks a candidate, flags the EU sketch, and prints the recorded text
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("★ 1."))
        #expect(result.stdout.contains("partners from at least 3 different EU member states"))
        try Golden.check(result.stdout, named: "plan-consortia.txt")
    }

    @Test(arguments: ["3", "5"])
    func noCountUnderKAndNoOrganisationNameInAnyFormat(k: String) throws {
        // Given the demo's organisations, named in its database
        let names = try OsaavaBinary.sqlite(
            try Self.demo.get(), "SELECT DISTINCT json_extract(organisation, '$.name') FROM response"
        ).split(separator: "\n").map(String.init)
        #expect(names.count == 100)
        let minimum = try #require(Int(k))

        for command in ["services", "consortia"] {
            // When each command runs in every format with K = k
            var outputs: [String] = []
            for format in ["table", "csv", "json"] {
                let result = try Self.run(["plan", command, "--format", format, "--min-respondents", k])
                #expect(result.status == 0 || (command == "consortia" && result.status == 1), "\(result.stderr)")
                outputs.append(result.stdout + result.stderr)
            }

            // Then no organisation's name appears anywhere
            for output in outputs {
                for name in names { #expect(!output.contains(name), "\(command) shows \(name)") }
            }
            // And every count in the JSON is at least K
            let json = try Self.run(["plan", command, "--format", "json", "--min-respondents", k])
            guard json.status == 0 else { continue }
            for row in try Self.rows(json.stdout) {
                var counts = [row["organisations"], row["interested"]].compactMap { $0 as? Int }.filter { $0 != 0 }
                counts += Self.figures(row["answers"]) + Self.figures(row["formats"])
                counts += Self.figures(row["region_organisations"]) + Self.figures(row["infrastructures_needed"])
                #expect(counts.allSatisfy { $0 >= minimum }, "\(command): \(row)")
            }
        }
    }

    @Test func servicesListsEveryTemplateInCSV() throws {
        // When the concepts are listed as CSV
        let result = try Self.run(["plan", "services", "--format", "csv"])

        // Then the header comes first and each of the catalogue's five templates has one row
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("rank,concept,status,organisations,people,regions,"))
        for template in [
            "pilot-plant-training", "shared-lab-access", "contract-rd", "tailored-module", "test-validation",
        ] {
            #expect(result.stdout.components(separatedBy: ",\(template),").count == 2, "\(template)")
        }
    }

    @Test func langChoosesTheLanguageOfCatalogueNames() throws {
        // When the concepts are listed by default (the catalogue's first language) and in English
        let finnish = try Self.run(["plan", "services"])
        let english = try Self.run(["plan", "services", "--lang", "en"])

        // Then the template's name follows the language; the surrounding text stays English
        #expect(finnish.stdout.contains("Räätälöity koulutusmoduuli (tailored-module)"))
        #expect(english.stdout.contains("Tailored training module (tailored-module)"))
        #expect(english.stdout.contains("Providers by region:") && finnish.stdout.contains("Providers by region:"))
    }

    @Test func kBelowTheCatalogueOrAnUnknownLanguageIsAUsageError() throws {
        // When K is lowered below the catalogue's 3, or the language is unknown
        let lowered = try Self.run(["plan", "consortia", "--min-respondents", "2"])
        let language = try Self.run(["plan", "services", "--lang", "de"])

        // Then both exit 64 and say what to do, printing nothing on stdout
        #expect(lowered.status == 64 && lowered.stdout.isEmpty)
        #expect(lowered.stderr.contains("it can only be raised"))
        #expect(language.status == 64 && language.stderr.contains("Use one of: fi, sv, en"))
    }

    @Test func noSharedChallengeMeansNoConsortiumAndSaysWhatToDo() throws {
        // Given a demo of ten organisations: no challenge reaches K organisations in N regions
        let folder = try OsaavaBinary.temporaryFolder()
        let demo = try OsaavaBinary.run(
            ["demo", "--catalog", OsaavaBinary.root.path, "--organisations", "10"], in: folder)
        try #require(demo.status == 0, "\(demo.stderr)")

        // When consortia are planned
        let result = try OsaavaBinary.run(
            ["plan", "consortia", "--db", "osaava-demo.sqlite", "--catalog", OsaavaBinary.root.path], in: folder)

        // Then the command fails as a domain failure and points at the analysis to check
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(
            result.stderr.contains("no consortium to propose") && result.stderr.contains("osaava analyze challenges"))
    }

    @Test func theReportShowsTheServiceConceptsAndConsortia() throws {
        // When the steering report is written from the demo's database
        let result = try Self.run(["report", "--lang", "en"])

        // Then it has both sections, with the planner's top concept and the shared challenge
        #expect(result.status == 0, "\(result.stderr)")
        let services = try #require(result.stdout.range(of: "## Proposed industrial service concepts"))
        let consortia = try #require(result.stdout.range(of: "## Consortium candidates"))
        #expect(services.upperBound < consortia.lowerBound)
        #expect(result.stdout.contains("| Tailored training module † |"))
        #expect(result.stdout.contains("| Sustainable refining of lithium, nickel and cobalt |"))
        #expect(!result.stdout.contains("Demo company"))
    }
}
