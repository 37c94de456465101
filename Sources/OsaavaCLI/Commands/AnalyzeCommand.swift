import Analysis
import ArgumentParser
import Catalog
import Reports
import Store

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Aggregate the competence needs (every cell with fewer than K organisations suppressed).",
        subcommands: [AnalyzeNeedsCommand.self]
    )
}

struct AnalyzeNeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "People needed and distinct organisations per cell, with totals.",
        discussion: "Dimensions: \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Dimensions, comma-separated.") var by = "region,skill"
    @Option(help: "Only this region (code).") var region: String?
    @Option(name: .customLong("skill-group"), help: "Only this skill group (code).") var skillGroup: String?
    @Option(help: "Only this horizon (code).") var horizon: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let dimensions: [Dimension]
        switch Dimension.parseList(by) {
        case .success(let list): dimensions = list
        case .failure(let problem): throw ValidationError(problem.description)
        }
        let catalog = try global.loadCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        var filters: [Dimension: Set<String>] = [:]
        if let region {
            guard catalog.region(region) != nil else {
                throw ValidationError(
                    "unknown region \"\(region)\". Use one of: \(catalog.regions.map(\.code).joined(separator: ", "))")
            }
            filters[.region] = [region]
        }
        if let skillGroup { filters[.skillGroup] = [skillGroup] }
        if let horizon { filters[.horizon] = [horizon] }
        let store = try global.openStore()
        let records = try store.needRecords { catalog.skill($0)?.group ?? "" }
        let table = NeedsAnalysis(catalog: catalog).table(
            records, query: NeedsQuery(by: dimensions, filters: filters, minRespondents: k))
        CommandContext.current.console.write(
            Listing(needs: table, catalog: catalog).render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

enum MinRespondents {
    /// `--min-respondents` may raise K, never lower it below the catalogue's value.
    static func resolve(_ requested: Int?, _ catalog: Catalog) throws -> Int {
        let floor = catalog.settings.minRespondents
        guard let requested else { return floor }
        guard requested >= floor else {
            throw ValidationError(
                "--min-respondents \(requested) is below the catalogue's minimum of \(floor) organisations per cell; "
                    + "it can only be raised (see surveys/settings.yaml).")
        }
        return requested
    }
}
