import Analysis
import ArgumentParser
import Catalog
import Foundation
import Store

/// Where the database and the catalogue are: every command that needs them takes these options.
package struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $OSAAVA_DB or ./osaava.sqlite).")
    var db: String?

    @Option(name: .long, help: "A folder holding surveys/ and curricula/ (default: the current folder).")
    var catalog: String?

    package init() {}

    var context: CommandContext { CommandContext.current }

    var databasePath: String {
        context.resolve(db ?? context.environment["OSAAVA_DB"] ?? "osaava.sqlite").path
    }

    /// Opens the database. Commands that only read refuse a missing file instead of leaving an
    /// empty database behind (a typo in --db must not look like "no answers yet").
    func openStore(creating: Bool = false) throws -> ResponseStore {
        let path = databasePath
        if !creating && !FileManager.default.fileExists(atPath: path) {
            throw CLIError(
                "there is no database at \(path). Collect answers first (osaava survey fill / survey import), "
                    + "try the demo's (--db osaava-demo.sqlite after osaava demo), or give the right --db.")
        }
        let console = context.console
        let isNew = !FileManager.default.fileExists(atPath: path)
        let store = try ResponseStore.open(
            path: path,
            onWait: {
                console.error("waiting: another osaava process is writing to \(path) (an import or merge?) …\n")
            },
            onUpgrade: { migrations in
                console.error(
                    "upgrading \(path) to the current schema (\(migrations.joined(separator: ", "))), once: "
                        + "a large database takes a while (about 4 s a million needs) …\n")
            })
        if isNew, let catalog = try? analysisCatalog() {
            // A new database maintains the catalogue's default rollups from its first write, so that
            // the first analysis after a large import does not have to build them from every need.
            // (Without a readable catalogue they are built at that first analysis instead.)
            try store.rebuildRollups(NeedsAnalysis(catalog: catalog).rollupDefinition)
        }
        return store
    }

    func loadCatalog() throws -> Catalog {
        try CatalogFiles.load(from: context.resolve(catalog ?? "."))
    }

    /// The flags to repeat in a suggested command, when they differ from the defaults.
    var repeatedFlags: String {
        var flags = ""
        if let db { flags += " --db \(db)" }
        if let catalog { flags += " --catalog \(catalog)" }
        return flags
    }
}
