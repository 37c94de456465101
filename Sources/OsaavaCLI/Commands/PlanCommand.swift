import Analysis
import ArgumentParser
import Catalog
import Planner
import Reports
import Store

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Propose education paths from the analysed needs.",
        subcommands: [PlanPathsCommand.self]
    )
}

struct PlanPathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Regional portfolios: the minimum-credit course set covering a region's needs, in terms.",
        discussion: """
            Needs come only from region × skill cells with at least K organisations, at the highest \
            level at least K of them need. Solved exactly with COIN-OR CBC; every plan says whether it \
            is proven optimal. Needs no course covers become proposals for new modules.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this region (code); default: every region with plannable needs.") var region: String?
    @Option(name: .customLong("max-ects"), help: "A credit budget; below the optimum, cover the most people within it.")
    var maxEcts: Double?
    @Option(name: .customLong("time-limit"), help: "Seconds the exact solve may take per region.") var timeLimit = 10.0
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.loadCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        if let region, catalog.region(region) == nil {
            throw ValidationError(
                "unknown region \"\(region)\". Use one of: \(catalog.regions.map(\.code).joined(separator: ", "))")
        }
        let records = try global.openStore().needRecords { catalog.skill($0)?.group ?? "" }
        let portfolios = try PathPlanner.regionalPortfolios(
            records: records, catalog: catalog, regions: region.map { [$0] }, minRespondents: k, timeLimit: timeLimit,
            maxCredits: maxEcts)
        guard !portfolios.isEmpty else {
            throw CLIError(
                "no region has a need named by at least \(k) organisations, so there is nothing to plan. "
                    + "Collect more responses (osaava survey fill) or check with: osaava analyze needs --by region,skill"
            )
        }
        let console = CommandContext.current.console
        switch format {
        case .table:
            console.write(PlanText(catalog: catalog).render(portfolios))
        case .csv, .json:
            console.write(Listing(portfolios: portfolios, catalog: catalog).render(format == .csv ? .csv : .json))
        }
    }
}
