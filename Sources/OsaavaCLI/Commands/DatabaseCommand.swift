import ArgumentParser
import Catalog
import Foundation
import Reports
import Store

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect and maintain the database: status, migrate, backup, merge, erasure.",
        subcommands: [
            DatabaseStatusCommand.self, DatabaseMigrateCommand.self, DatabaseBackupCommand.self,
            DatabaseMergeCommand.self, DatabaseEraseCommand.self,
        ]
    )
}

struct DatabaseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the database's file, schema version and contents.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let status = try global.openStore().status()
        var rows: [[Listing.Value]] = [
            [.text("database"), .text(status.path)],
            [.text("file size (bytes)"), .text(String(status.fileSize))],
            [.text("last write"), .text(status.lastWrite ?? "")],
            [.text("migrations"), .text(status.migrations.joined(separator: ", "))],
            [.text("responses"), .text(String(status.responses))],
            [.text("organisations"), .text(String(status.organisations))],
            [.text("needs"), .text(String(status.needs))],
            [.text("drafts"), .text(String(status.drafts))],
            [.text("synthetic responses"), .text(String(status.syntheticResponses))],
            [.text("erased organisations"), .text(String(status.tombstones))],
        ]
        for (source, count) in status.bySource {
            rows.append([.text("responses from \(source)"), .text(String(count))])
        }
        for (survey, count) in status.bySurvey { rows.append([.text("responses to \(survey)"), .text(String(count))]) }
        for (region, count) in status.byRegion { rows.append([.text("responses in \(region)"), .text(String(count))]) }
        let listing = Listing(columns: ["item", "value"], rows: rows)
        CommandContext.current.console.write(listing.render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct DatabaseMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Bring the database's schema up to date (also done on every open).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let status = try global.openStore(creating: true).status()
        CommandContext.current.console.write("schema up to date: \(status.migrations.joined(separator: ", "))\n")
    }
}

struct DatabaseBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Make a consistent copy of the database, also while it is in use.")

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The new file (must not exist).") var file: String

    func run() throws {
        let context = CommandContext.current
        let target = context.resolve(file).path
        try global.openStore().backup(to: target)
        context.console.write("backup written to \(target) (mode 0600)\n")
    }
}

struct DatabaseMergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Bring a coordinator's database into this one (never duplicates, never silently overwrites).",
        discussion: """
            OTHER is read from a copy and never modified or migrated; a newer schema is refused. \
            The same response with the same content changes nothing; a newer version (counted, not \
            by clock) replaces an older one; different content with no common history is a conflict \
            and nothing is written unless --prefer incoming|existing is given. Organisations erased \
            in either database stay erased.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The coordinator's database file.") var other: String
    @Option(help: "Resolve conflicts: incoming makes a new version, existing keeps what is here.")
    var prefer: SurveyImportCommand.Preference?
    @Flag(name: .customLong("dry-run"), help: "Say what would change; write nothing.") var dryRun = false

    func run() throws {
        let context = CommandContext.current
        let console = context.console
        let catalog = try global.loadCatalog()
        let store = try global.openStore(creating: true)
        let policy: ConflictPolicy = prefer.map { $0 == .incoming ? .incoming : .existing } ?? .report
        let otherPath = context.resolve(other).path
        let report = try store.merge(
            from: otherPath, policy: policy, dryRun: dryRun, now: context.now(), deriveAnswers: catalog.answerDeriver)
        if let theirs = report.otherCatalog {
            console.write(
                "note: \(other) was written with another catalogue version (\(theirs.prefix(16))); codes are checked as they are.\n"
            )
        }
        let r = report.responses
        let counts =
            "inserted \(r.inserted.count), updated \(r.updated.count), unchanged \(r.unchanged.count) "
            + "(\(report.keptNewer.count) newer here), erased organisations \(report.erased.count), refused (erased) \(r.erased.count)"
        if !r.conflicts.isEmpty {
            for conflict in r.conflicts {
                console.error("\(other): response \(conflict.id) differs from the one here\n")
            }
            throw CLIError(
                "nothing merged: \(r.conflicts.count) conflict(s). Choose which version wins with --prefer incoming "
                    + "(a new version; the old one is kept) or --prefer existing.")
        }
        if r.committed {
            try store.setMeta("catalog-fingerprint", catalog.fingerprint)
            console.write("merged \(other): \(counts)\n")
        } else {
            console.write((dryRun ? "dry run, nothing written: " : "nothing new, nothing written: ") + counts + "\n")
        }
    }
}

struct DatabaseEraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase-organisation",
        abstract: "Erase an organisation's answers everywhere (GDPR), leaving a tombstone.",
        discussion: """
            Removes every version of its responses, its drafts and its record in one transaction; \
            a tombstone (a SHA-256 of its identity) stops a later import or merge from bringing it \
            back. Deleted pages are overwritten (secure_delete) and the WAL is checkpointed.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: "Business ID, pseudonym (org-…, see: osaava survey responses) or exact name.") var id: String
    @Option(help: "The organisation's region, when the name is ambiguous.") var region: String?

    func run() throws {
        let context = CommandContext.current
        let report = try global.openStore().eraseOrganisation(id, region: region, now: context.now())
        context.console.write(
            "erased \(report.pseudonym): \(report.responses) response(s) in \(report.versions) version(s), "
                + "\(report.needs) need row(s), \(report.drafts) draft(s); a tombstone keeps it from coming back\n")
    }
}
