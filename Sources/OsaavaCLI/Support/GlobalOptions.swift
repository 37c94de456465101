import ArgumentParser
import Catalog
import Store

/// Where the database and the catalogue are: every command that needs them takes these options.
package struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The database file (default: $OSAAVA_DB or ./osaava.sqlite).")
    var db: String?

    @Option(name: .long, help: "A folder holding surveys/ and curricula/ (default: the current folder).")
    var catalog: String?

    package init() {}

    var workspace: Workspace { Workspace(db: db, catalog: catalog) }

    var context: CommandContext { CommandContext.current }
    var databasePath: String { workspace.databasePath }
    var repeatedFlags: String { workspace.repeatedFlags }

    func openStore(creating: Bool = false) throws -> ResponseStore { try workspace.openStore(creating: creating) }
    func loadCatalog() throws -> Catalog { try workspace.loadCatalog() }
    func analysisCatalog() throws -> Catalog { try workspace.analysisCatalog() }
}
