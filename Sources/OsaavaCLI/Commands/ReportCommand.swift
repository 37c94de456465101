import ArgumentParser
import Catalog
import Foundation
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The steering-group summary: key figures, needs, shared needs, education paths, methods.",
        discussion: "Every figure is suppressed like the tables (cells with fewer than K organisations)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Language of the report: fi, sv or en (default: the catalogue's first).") var lang: String?
    @Option(help: "md (Markdown).") var format: Format = .md
    @Option(help: "Write to this file instead of stdout.") var out: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?

    func run() throws {
        let catalog = try global.loadCatalog()
        let language = try SurveyFillCommand.language(lang, catalog)
        let k = try MinRespondents.resolve(minRespondents, catalog)
        let command =
            "osaava report --lang \(language) --format \(format.rawValue)"
            + (minRespondents.map { " --min-respondents \($0)" } ?? "")
        let report = try SteeringSummary.build(
            store: try global.openStore(), catalog: catalog, minRespondents: k, command: command)
        let text = MarkdownReport(report, language: language).render()
        let context = CommandContext.current
        if let out {
            let url = context.resolve(out)
            do {
                try Data(text.utf8).write(to: url, options: .atomic)
            } catch {
                throw CLIError(
                    "cannot write the report to \(url.path): \(error.localizedDescription). Check the folder exists and is writable."
                )
            }
            context.console.error("report written to \(url.path)\n")
        } else {
            context.console.write(text)
        }
    }
}
