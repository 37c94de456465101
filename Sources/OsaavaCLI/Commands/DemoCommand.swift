import ArgumentParser
import Catalog
import Foundation
import Planner
import Reports
import Store
import Survey

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "End to end on the shipped catalogue and a seeded synthetic response set.",
        discussion: """
            Creates a fresh ./osaava-demo.sqlite (never the default database), fills it with synthetic \
            responses ("Demo company N", marked synthetic), then analyses, plans and writes the \
            steering-group report. The same seed gives the same report, byte for byte.
            """
    )

    @Option(help: "A folder holding surveys/ and curricula/ (default: the current folder).") var catalog: String?
    @Option(help: "Number of synthetic organisations.") var organisations = 100
    @Option(help: "Random seed.") var seed: UInt64 = 2026
    @Option(help: "Language of the report: fi, sv or en.") var lang = "en"
    @Option(help: "Demo database file.") var db = "osaava-demo.sqlite"
    @Option(help: "Report files' base name: .md (Markdown) and .html (with charts) are added.")
    var out = "osaava-demo-report"

    func run() throws {
        let context = CommandContext.current
        let console = context.console
        let catalogue = try Workspace(catalog: catalog).loadCatalog()
        guard let survey = catalogue.surveys.first else { throw CLIError("the catalogue has no survey to demonstrate") }
        let language = try SurveyFillCommand.language(lang, catalogue)
        let path = context.resolve(db).path
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        let store = try ResponseStore.open(path: path)
        // A fixed time, so that the data (and the report built on it) are the same on every run.
        let now = "2026-03-01T12:00:00Z"
        console.write("1/4 survey: \(organisations) synthetic organisations answer \(survey.code) (seed \(seed))\n")
        let responses = try SyntheticResponses(survey: survey, catalog: catalogue, seed: seed).make(
            count: organisations, now: now)
        _ = try store.insert(responses, source: "demo", now: now)
        try store.setMeta("catalog-fingerprint", catalogue.fingerprint)
        try store.setMeta("dataset", "synthetic demo data (seed \(seed)); no real organisation answered")
        let status = try store.status()
        console.write("    \(status.responses) responses, \(status.needs) competence needs\n")
        console.write("2/4 analysis and 3/4 plan: needs by region and skill group, shared needs, regional portfolios\n")
        let report = try SteeringSummary.build(
            store: store, catalog: catalogue, minRespondents: catalogue.settings.minRespondents,
            command: "osaava report --db \(db) --lang \(language) --format md|html")
        for path in report.paths {
            console.write(
                "    \(path.region): \(path.needs) needs → \(path.lines.count) courses, "
                    + "\(NumberStyle(language: "en").decimal(path.totalCredits)) credits in \(path.terms) terms, "
                    + (path.provenOptimal ? "proven optimal" : "not proven optimal")
                    + (path.uncovered.isEmpty ? "" : ", \(path.uncovered.count) new-module proposals") + "\n")
        }
        console.write("    shared needs (≥ \(catalogue.settings.sharedRegions) regions): \(report.shared.count)\n")
        console.write(
            "    service concepts the data support: \(report.serviceConcepts?.count ?? 0) of "
                + "\(catalogue.serviceConcepts.count); consortium proposals: \(report.consortia?.count ?? 0)\n")
        var written: [String] = []
        for format in [ReportFormat.html, .md] {
            for file in try report.render(format, options: ReportOptions(language: language)) {
                let url = context.resolve(out + "." + format.rawValue)
                try file.data.write(to: url, options: .atomic)
                written.append(url.path)
            }
        }
        console.write("4/4 report written (HTML with charts, and Markdown)\n")
        console.write("Report:   " + written.joined(separator: "\n          ") + "\nDatabase: \(path)\n")
    }
}
