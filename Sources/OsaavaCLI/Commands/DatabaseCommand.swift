import ArgumentParser
import Reports
import Store

struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Inspect and maintain the database.",
        subcommands: [DatabaseStatusCommand.self, DatabaseMigrateCommand.self]
    )
}

struct DatabaseStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the database's file, schema version and contents.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let status = try global.openStore().status()
        let listing = Listing(
            columns: ["item", "value"],
            rows: [
                [.text("database"), .text(status.path)],
                [.text("migrations"), .text(status.migrations.joined(separator: ", "))],
                [.text("responses"), .integer(status.responses)],
                [.text("organisations"), .integer(status.organisations)],
                [.text("needs"), .integer(status.needs)],
                [.text("drafts"), .integer(status.drafts)],
                [.text("synthetic responses"), .integer(status.syntheticResponses)],
            ])
        CommandContext.current.console.write(listing.render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct DatabaseMigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Bring the database's schema up to date (also done on every open).")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let status = try global.openStore().status()
        CommandContext.current.console.write("schema up to date: \(status.migrations.joined(separator: ", "))\n")
    }
}
