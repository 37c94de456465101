import Analysis
import Catalog
import Foundation
import Store

/// The database and the catalogue a command works on (`--db`, `--catalog`), resolved against the
/// command's context. A plain value, so that the analyze commands' fast path can fill it in
/// without ArgumentParser (see AnalyzeFastPath).
struct Workspace: Equatable {
    var db: String?
    var catalog: String?

    var context: CommandContext { CommandContext.current }

    var databasePath: String {
        context.resolvedPath(db ?? context.environment["OSAAVA_DB"] ?? "osaava.sqlite")
    }

    /// Opens the database. Commands that only read refuse a missing file instead of leaving an
    /// empty database behind (a typo in --db must not look like "no answers yet").
    func openStore(creating: Bool = false) throws -> ResponseStore {
        let path = databasePath
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue {
            throw CLIError(
                "\(path) is a folder, not a database file. Give the file with --db (for example --db "
                    + "\(path.hasSuffix("/") ? path : path + "/")osaava.sqlite).")
        }
        if !creating && !exists {
            throw CLIError(
                "there is no database at \(path). Collect answers first (osaava survey fill / survey import), "
                    + "try the demo's (--db osaava-demo.sqlite after osaava demo), or give the right --db.")
        }
        let console = context.console
        let isNew = !exists
        let store = try ResponseStore.open(
            path: path, creating: creating,
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

    /// Runs `body` on the database, for a command that reads and then ends the process: the store
    /// is closed after `body` and its queue left to the process's exit. (Releasing a GRDB queue
    /// frees its queue-specific values on a libdispatch worker thread, which it starts for that:
    /// up to 2 ms of CPU, against a small `analyze`'s 5 ms.)
    func withStore<T>(_ body: (ResponseStore) throws -> T) throws -> T {
        let store = try openStore()
        defer {
            // Only a closed store is left behind (its writes, if any, are committed: a migration,
            // the rollups' catch-up). When closing fails, releasing it closes the connection.
            if (try? store.close()) != nil { _ = Unmanaged.passRetained(store) }
        }
        return try body(store)
    }

    /// The maintained rollup cells of some groupings: read straight from the file when the
    /// database is current (`RollupSnapshot`, without setting up the store), else through the
    /// store, which first migrates, catches up or rebuilds them as needed.
    func rollupCells(_ definition: RollupDefinition, groupings: [[String]]) throws -> [RollupCell] {
        if let cells = RollupSnapshot.cells(path: databasePath, definition, groupings: groupings) { return cells }
        return try withStore { store in try store.rollupCells(definition, groupings: groupings) }
    }

    func loadCatalog() throws -> Catalog {
        try CatalogFiles.load(from: context.resolve(catalog ?? "."))
    }

    /// The catalogue as the analyze commands need it, from the cache when the files are unchanged;
    /// the courses and infrastructures only when `parts` names them.
    func analysisCatalog(_ parts: AnalysisCatalogParts = [.courses, .infrastructures]) throws -> Catalog {
        try AnalysisCatalogCache.load(
            root: context.resolvedPath(catalog ?? "."), environment: context.environment, parts: parts)
    }

    /// The flags to repeat in a suggested command, when they differ from the defaults.
    var repeatedFlags: String {
        var flags = ""
        if let db { flags += " --db \(db)" }
        if let catalog { flags += " --catalog \(catalog)" }
        return flags
    }
}
