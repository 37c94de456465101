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
        let name = url.lastPathComponent
        let chosen = try dialect ?? Self.detect(url)
        let now = context.now()
        let policy: ConflictPolicy = prefer.map { $0 == .incoming ? .incoming : .existing } ?? .report
        let progress = ProgressLine(console: console)
        // A database this import creates is removed again when nothing was committed (a refused
        // file, a dry run, an error), as if it had never been opened.
        let path = global.databasePath
        let created = !FileManager.default.fileExists(atPath: path)
        let outcome: ImportOutcome
        do {
            if chosen == .osaava {
                // The needs CSV can be national-scale (millions of rows): streamed, never held
                // whole, written as it is read.
                outcome = try NeedsCSVImport(
                    catalog: catalog, survey: definition, url: url, now: now, skipInvalid: skipInvalid,
                    rejects: rejects.map(context.resolve), progress: progress
                ).run(open: { try global.openStore(creating: true) }, policy: policy, dryRun: dryRun)
            } else {
                outcome = try importBatch(url, chosen, definition, catalog, policy: policy, progress: progress)
            }
        } catch {
            if created { Self.remove(database: path) }
            throw error
        }
        if created && outcome.report?.committed != true { Self.remove(database: path) }
        progress.clear()
        try render(outcome, name: name, dialect: chosen)
        if let report = outcome.report, report.committed {
            try global.openStore().setMeta("catalog-fingerprint", catalog.fingerprint)
        }
    }

    /// An export of the other dialects, read whole into responses, then written.
    private func importBatch(
        _ url: URL, _ chosen: Dialect, _ definition: SurveyDefinition, _ catalog: Catalog, policy: ConflictPolicy,
        progress: ProgressLine
    ) throws -> ImportOutcome {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CLIError("cannot read \(url.path): \(error.localizedDescription). Check the path.")
        }
        let context = CommandContext.current
        let name = url.lastPathComponent
        let batch = ImportReader(catalog: catalog, survey: definition, now: context.now()).read(
            data, dialect: chosen, fileName: name)
        var outcome = ImportOutcome(
            header: batch.header, rows: batch.rows, responses: batch.responses.count, rejected: batch.rejected,
            skipped: batch.skipped)
        // Refused rows write nothing, not even a new database.
        if !batch.rejected.isEmpty && !skipInvalid { return outcome }
        if !batch.rejected.isEmpty, let rejects {
            try RejectsFile.write(header: batch.header, rejected: batch.rejected, to: context.resolve(rejects))
        }
        let incoming = batch.responses.map {
            IncomingResponse(response: $0.response, source: "import:" + chosen.rawValue, file: name, line: $0.line)
        }
        outcome.report = try global.openStore(creating: true).importResponses(
            incoming, policy: policy, dryRun: dryRun, now: context.now(), deriveAnswers: catalog.answerDeriver
        ) { done, total in
            progress.show("writing \(done) of \(total) responses")
        }
        return outcome
    }

    private func render(_ outcome: ImportOutcome, name: String, dialect: Dialect) throws {
        let console = CommandContext.current.console
        console.write("\(name): \(dialect.rawValue) dialect, \(outcome.rows) rows, \(outcome.responses) responses\n")
        for skipped in outcome.skipped { console.write("  \(skipped)\n") }
        for rejected in outcome.rejected { console.error("\(name): \(rejected)\n") }
        if !outcome.rejected.isEmpty && !skipInvalid {
            throw CLIError(
                "nothing imported: \(outcome.rejected.count) rejected row(s) in \(name) (listed above). Fix them, or "
                    + "import the valid rows with --skip-invalid --rejects FILE.")
        }
        if !outcome.rejected.isEmpty, let rejects { console.write("  rejected rows written to \(rejects)\n") }
        guard let report = outcome.report else { return }
        let counts =
            "inserted \(report.inserted.count), updated \(report.updated.count), unchanged \(report.unchanged.count), "
            + "rejected \(outcome.rejected.count), skipped \(outcome.skipped.count)"
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

    /// Removes a database file this command created (and its WAL and shared-memory files).
    private static func remove(database path: String) {
        for file in [path, path + "-wal", path + "-shm", path + "-journal"] {
            try? FileManager.default.removeItem(atPath: file)
        }
    }

    /// The dialect from the file's name and first bytes: a workbook or zip is read whole, a CSV by
    /// its first 64 KiB (all the detector reads of it).
    static func detect(_ url: URL) throws -> Dialect {
        let name = url.lastPathComponent
        var data = try FileChunks.head(url, count: 64 * 1024)
        let lower = name.lowercased()
        if lower.hasSuffix(".zip") || lower.hasSuffix(".xlsx") || ZipEntries.isZip(data) {
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw CLIError("cannot read \(url.path): \(error.localizedDescription). Check the path.")
            }
        }
        return try detect(name, data)
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
    static func write(header: [String], rejected: [RejectedRow], to url: URL) throws {
        var lines = [
            (header + ["osaava_line", "osaava_column", "osaava_reason"]).map(NeedsCSV.quote)
                .joined(separator: ",")
        ]
        for row in rejected {
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
