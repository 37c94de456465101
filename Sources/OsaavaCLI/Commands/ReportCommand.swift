import ArgumentParser
import Catalog
import Foundation
import Reports
import Store

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The steering-group summary: key figures, needs, shared needs, education paths, methods.",
        discussion: """
            Formats: md (Markdown), html (one self-contained page with charts), xlsx (one sheet per \
            table; needs --out), json (schema in docs/reports.md), csv (one file per table; needs \
            --out-dir). Every cell with fewer than K organisations is suppressed in every format. The \
            same database and catalogue give the same bytes; --stamp adds the time of generation.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case md, html, xlsx, json, csv
    }

    @OptionGroup var global: GlobalOptions
    @Option(help: "Language of the report: fi, sv or en (default: the catalogue's first).") var lang: String?
    @Option(help: "md, html, xlsx, json or csv.") var format: Format = .md
    @Option(help: "Write to this file instead of stdout (required for xlsx).") var out: String?
    @Option(name: .customLong("out-dir"), help: "The folder for the CSV files (created if missing).")
    var outDir: String?
    @Flag(help: "CSV for a spreadsheet: UTF-8 with BOM, ';' between fields, the language's decimal comma.")
    var excel = false
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Flag(help: "Print the time of generation in the report (the bytes then differ from run to run).")
    var stamp = false
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?

    func validate() throws {
        if format == .csv {
            guard outDir != nil else {
                throw ValidationError("--format csv writes one file per table: add --out-dir DIR (created if missing).")
            }
            guard out == nil else {
                throw ValidationError("--format csv writes a folder: use --out-dir DIR, not --out.")
            }
        } else {
            if outDir != nil {
                throw ValidationError("--out-dir is for --format csv; with --format \(format.rawValue) use --out FILE.")
            }
            if excel {
                throw ValidationError("--excel applies to --format csv only; leave it out or add --format csv.")
            }
        }
        if format == .xlsx && out == nil {
            throw ValidationError(
                "XLSX is a binary file and is not written to the terminal: add --out FILE, e.g. --out summary.xlsx.")
        }
    }

    func run() throws {
        let catalog = try global.loadCatalog()
        let language = try SurveyFillCommand.language(lang, catalog)
        let k = try MinRespondents.resolve(minRespondents, catalog)
        var flags = global.repeatedFlags
        if let round { flags += " --round \(round)" }
        if let minRespondents { flags += " --min-respondents \(minRespondents)" }
        let command = "osaava report --lang \(language) --format \(format.rawValue)" + (excel ? " --excel" : "") + flags
        let report = try SteeringSummary.build(
            store: try global.openStore(), catalog: catalog, minRespondents: k, command: command, commandFlags: flags,
            round: round)
        let context = CommandContext.current
        let files = try report.render(
            ReportFormat(rawValue: format.rawValue) ?? .md,
            options: ReportOptions(language: language, stamp: stamp ? context.now() : nil, excel: excel))
        if let outDir {
            let folder = context.resolve(outDir)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            } catch {
                throw CLIError(
                    "cannot create the folder \(folder.path): \(error.localizedDescription). Check the path and its permissions."
                )
            }
            for file in files { try write(file.data, to: folder.appendingPathComponent(file.name)) }
            context.console.error("\(files.count) CSV files written to \(folder.path)\n")
        } else if let out, let file = files.first {
            let url = context.resolve(out)
            try write(file.data, to: url)
            context.console.error("report written to \(url.path)\n")
        } else if let file = files.first {
            context.console.write(String(decoding: file.data, as: UTF8.self))
        }
    }

    private func write(_ data: Data, to url: URL) throws {
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw CLIError(
                "cannot write the report to \(url.path): \(error.localizedDescription). Check the folder exists and is writable."
            )
        }
    }
}
