import ArgumentParser
import Catalog
import Foundation
import Interchange
import Store

struct SurveyImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a web-survey export or a needs CSV: all or nothing, idempotent.",
        discussion: """
            Without --dialect the dialect is told from the file's extension and header. The whole \
            file is one transaction: any invalid row refuses the file (every rejected row is listed \
            with its line, column and reason) unless --skip-invalid is given. Importing the same file \
            again changes nothing. A response that exists with different content is a conflict: \
            nothing is written unless --prefer incoming|existing says which one wins.
            """
    )

    enum Preference: String, ExpressibleByArgument, CaseIterable {
        case incoming, existing
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The export file (.csv, .xlsx, or ODK Central's submissions.csv.zip).") var file: String
    @Option(help: "The survey the answers belong to (see: osaava survey list).") var survey: String
    @Option(help: "osaava, webropol, limesurvey, kobo or odk (default: detected).") var dialect: Dialect?
    @Flag(name: .customLong("dry-run"), help: "Say what would be inserted, updated and rejected; write nothing.")
    var dryRun = false
    @Option(help: "Resolve conflicts: incoming makes a new version, existing keeps what is there.") var prefer:
        Preference?
    @Flag(name: .customLong("skip-invalid"), help: "Import the valid rows and leave out the invalid ones.")
    var skipInvalid = false
    @Option(help: "With --skip-invalid: write the rejected rows (and why) to this CSV file (mode 0600).") var rejects:
        String?

    func validate() throws {
        if rejects != nil && !skipInvalid {
            throw ValidationError("--rejects needs --skip-invalid (without it, an invalid row refuses the whole file)")
        }
    }

    func run() throws {
        let context = CommandContext.current
        let console = context.console
        let catalog = try global.loadCatalog()
        guard let definition = catalog.survey(survey) else {
            throw ValidationError(
                "unknown survey \"\(survey)\". Known: \(catalog.surveys.map(\.code).joined(separator: ", "))")
        }
        let url = context.resolve(file)
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CLIError("cannot read \(url.path): \(error.localizedDescription). Check the path.")
        }
        let chosen = try dialect ?? Self.detect(url.lastPathComponent, data)
        let now = context.now()
        let name = url.lastPathComponent
        let batch = ImportReader(catalog: catalog, survey: definition, now: now).read(
            data, dialect: chosen, fileName: name)
        console.write("\(name): \(chosen.rawValue) dialect, \(batch.rows) rows, \(batch.responses.count) responses\n")
        for skipped in batch.skipped { console.write("  \(skipped)\n") }
        for rejected in batch.rejected { console.error("\(name): \(rejected)\n") }
        if !batch.rejected.isEmpty && !skipInvalid {
            throw CLIError(
                "nothing imported: \(batch.rejected.count) rejected row(s) in \(name) (listed above). Fix them, or "
                    + "import the valid rows with --skip-invalid --rejects FILE.")
        }
        if !batch.rejected.isEmpty, let rejects {
            try RejectsFile.write(batch, to: context.resolve(rejects))
            console.write("  rejected rows written to \(rejects)\n")
        }
        let incoming = batch.responses.map {
            IncomingResponse(response: $0.response, source: "import:" + chosen.rawValue, file: name, line: $0.line)
        }
        let policy: ConflictPolicy = prefer.map { $0 == .incoming ? .incoming : .existing } ?? .report
        let store = try global.openStore(creating: true)
        let progress = ProgressLine(console: console)
        let report = try store.importResponses(incoming, policy: policy, dryRun: dryRun, now: now) { done, total in
            progress.show("writing \(done) of \(total) responses")
        }
        progress.clear()
        if report.committed { try store.setMeta("catalog-fingerprint", catalog.fingerprint) }
        let counts =
            "inserted \(report.inserted.count), updated \(report.updated.count), unchanged \(report.unchanged.count), "
            + "rejected \(batch.rejected.count), skipped \(batch.skipped.count)"
        if report.committed {
            console.write("  \(counts)\n")
        } else if dryRun {
            console.write("  dry run, nothing written; the import would give: \(counts)\n")
        } else if report.conflicts.isEmpty {
            console.write("  nothing new, nothing written: \(counts)\n")
        }
        for erased in report.erased {
            console.write(
                "  line \(erased.line ?? 0): response \(erased.id) belongs to an erased organisation; refused\n")
        }
        if !report.conflicts.isEmpty {
            for conflict in report.conflicts {
                console.error(
                    "\(name): line \(conflict.line ?? 0): response \(conflict.id) exists with different content\n")
            }
            throw CLIError(
                "nothing imported: \(report.conflicts.count) conflict(s). Choose which version wins with "
                    + "--prefer incoming (a new version; the old one is kept) or --prefer existing.")
        }
    }

    static func detect(_ name: String, _ data: Data) throws -> Dialect {
        switch DialectDetector.detect(fileName: name, data: data) {
        case .detected(let dialect): return dialect
        case .ambiguous(let candidates):
            throw ValidationError(
                "cannot tell the dialect of \(name): it could be \(candidates.map(\.rawValue).joined(separator: " or ")). "
                    + "Give --dialect.")
        case .unknown:
            throw ValidationError(
                "\(name) is not an export Osaava knows (needs CSV, Webropol, LimeSurvey, KoboToolbox, ODK Central). "
                    + "Give --dialect if it is one of them.")
        }
    }
}

extension Dialect: ExpressibleByArgument {}

/// The rejected rows in the shape of the file, plus where and why, for fixing and importing again.
enum RejectsFile {
    static func write(_ batch: ImportBatch, to url: URL) throws {
        var lines = [
            (batch.header + ["osaava_line", "osaava_column", "osaava_reason"]).map(NeedsCSV.quote)
                .joined(separator: ",")
        ]
        for row in batch.rejected {
            let fields = row.record + [row.location, row.column ?? "", row.reason]
            lines.append(fields.map(NeedsCSV.quote).joined(separator: ","))
        }
        let text = lines.joined(separator: "\r\n") + "\r\n"
        let manager = FileManager.default
        // Rejected rows are unit-level data: readable by the coordinator only.
        if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        guard manager.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw CLIError("cannot write the rejects file \(url.path). Check the folder exists and is writable.")
        }
    }
}
