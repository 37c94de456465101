import Analysis
import ArgumentParser
import Catalog
import Planner
import Reports
import Store

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Propose education paths, industrial service concepts and consortia from the analysed data.",
        subcommands: [PlanPathsCommand.self, PlanServicesCommand.self, PlanConsortiaCommand.self]
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

struct PlanServicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "services",
        abstract: "Industrial service concepts: the catalogue's templates where the data show demand, ranked.",
        discussion: """
            Demand comes only from parts with at least K organisations: skill group × region cells whose \
            needs prefer one of a template's training formats, infrastructures named by at least K \
            organisations, and research challenges shared by at least N regions. Providers are the \
            catalogue's institutions and infrastructures of the template's types, nearest the demand. \
            Templates the data do not support are listed with why. No organisation is ever named.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per figure.")
    var minRespondents: Int?
    @Option(help: "Language of catalogue names: fi, sv or en (default: the catalogue's first).") var lang: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.loadCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        let language = try SurveyFillCommand.language(lang, catalog)
        guard !catalog.serviceConcepts.isEmpty else {
            throw CLIError(
                "the catalogue has no service-concept templates, so there is nothing to instantiate. "
                    + "Add templates to curricula/service-concepts.yaml (see curricula/README.md).")
        }
        let store = try global.openStore()
        let research = try ResearchInputs.load(store)
        let plan = ServiceConcepts.plan(
            catalog: catalog, needs: try store.needRecords { catalog.skill($0)?.group ?? "" },
            requests: research.requests, challenges: research.challenges, minRespondents: k)
        let console = CommandContext.current.console
        switch format {
        case .table: console.write(ServiceConceptText(catalog: catalog, language: language).render(plan))
        case .csv, .json:
            console.write(
                Listing(services: plan, catalog: catalog, language: language).render(format == .csv ? .csv : .json))
        }
    }
}

struct PlanConsortiaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consortia",
        abstract: "National joint-project proposals and Horizon Europe sketches for shared research challenges.",
        discussion: """
            For each research challenge named in at least N regions by at least K organisations each: a \
            national proposal with partners from at least N regions, and, where at least K organisations \
            are interested in Horizon Europe, a consortium sketch with what an EU consortium still lacks. \
            The strongest 1–2 of each kind are marked as candidates. No organisation is ever named.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per figure.")
    var minRespondents: Int?
    @Option(help: "Language of catalogue names: fi, sv or en (default: the catalogue's first).") var lang: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.loadCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        let language = try SurveyFillCommand.language(lang, catalog)
        let research = try ResearchInputs.load(try global.openStore())
        let plan = ConsortiumPlanner.plan(catalog: catalog, challenges: research.challenges, minRespondents: k)
        guard !plan.national.isEmpty else {
            throw CLIError(
                "no research challenge is named in at least \(catalog.settings.sharedRegions) regions by at least "
                    + "\(k) organisations each, so there is no consortium to propose. Collect more responses "
                    + "(osaava survey fill, osaava survey import) or check with: osaava analyze challenges")
        }
        let console = CommandContext.current.console
        switch format {
        case .table: console.write(ConsortiumText(catalog: catalog, language: language).render(plan))
        case .csv, .json:
            console.write(
                Listing(consortia: plan, catalog: catalog, language: language).render(format == .csv ? .csv : .json))
        }
    }
}
