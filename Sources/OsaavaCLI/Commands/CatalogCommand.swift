import ArgumentParser
import Catalog
import Foundation

struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Work with the catalogue (surveys/ and curricula/).",
        subcommands: [CatalogCheckCommand.self]
    )
}

struct CatalogCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate surveys/ and curricula/; every problem as file:line: what is wrong — how to fix it.",
        discussion: "Exit status 1 when any problem is found."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let context = CommandContext.current
        let root = context.resolve(global.catalog ?? ".")
        let files = try CatalogFiles.read(from: root)
        let (catalog, issues) = CatalogLoader.check(files)
        for issue in issues { context.console.error(issue.description + "\n") }
        guard issues.isEmpty, let catalog else {
            throw CLIError("\(issues.count) problem(s) in the catalogue at \(root.path).")
        }
        context.console.write(
            "catalogue OK: \(files.count) files, \(catalog.regions.count) regions, \(catalog.skills.count) skills in "
                + "\(catalog.groups.count) groups, \(catalog.surveys.count) survey(s), \(catalog.institutions.count) institutions, "
                + "\(catalog.courses.count) courses (\(catalog.courses.filter(\.illustrative).count) illustrative), "
                + "\(catalog.infrastructures.count) infrastructures, \(catalog.serviceConcepts.count) service concepts\n"
        )
    }
}
