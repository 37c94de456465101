import Analysis
import ArgumentParser
import Catalog
import Foundation
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
        abstract: "Education paths: regional portfolios, or one organisation's learner path, in terms.",
        discussion: """
            A regional portfolio covers a region's needs: only region × skill cells with at least K \
            organisations, at the highest level at least K of them need. A learner path (--organisation) \
            covers one organisation's own needs, only if it consented to their use for planning its \
            training. Both are the minimum-credit course set with all prerequisites, solved exactly with \
            COIN-OR CBC (ties broken towards the region, then fewer institutions); every plan says \
            whether it is proven optimal. Needs no course covers become proposals for new modules.
            """
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this region (code); default: every region with plannable needs.") var region: String?
    @Flag(name: .customLong("all-regions"), help: "Every region with plannable needs (the default).")
    var allRegions = false
    @Option(name: .customLong("skill-group"), help: "Only needs of this skill group (code).") var skillGroup: String?
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(help: "A learner path for this organisation: business ID, pseudonym (org-…) or name.")
    var organisation: String?
    @Option(help: "Learner path: completed course or skill codes, comma-separated (met prerequisites).")
    var completed: String?
    @Option(help: "Only courses taught in one of these languages, comma-separated (fi,sv,en).") var languages: String?
    @Option(help: "Only these delivery modes, comma-separated (online,contact,blended).") var delivery: String?
    @Option(
        name: .customLong("term-credits"), help: "Most credits in one term (default: the catalogue's; part-time: less)."
    )
    var termCredits: Double?
    @Option(name: .customLong("max-ects"), help: "A credit budget; below the optimum, cover the most people within it.")
    var maxEcts: Double?
    @Option(name: .customLong("time-limit"), help: "Seconds the exact solve may take per plan.") var timeLimit = 10.0
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func validate() throws {
        if allRegions && region != nil { throw ValidationError("give either --region or --all-regions, not both") }
        if completed != nil && organisation == nil {
            throw ValidationError("--completed belongs to a learner path: add --organisation")
        }
    }

    func run() throws {
        let catalog = try global.loadCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        if let region, catalog.region(region) == nil {
            throw ValidationError(
                "unknown region \"\(region)\". Use one of: \(catalog.regions.map(\.code).joined(separator: ", "))")
        }
        if let skillGroup, catalog.group(skillGroup) == nil {
            throw ValidationError(
                "unknown skill group \"\(skillGroup)\". Use one of: \(catalog.groups.map(\.code).joined(separator: ", "))"
            )
        }
        let options = PathOptions(
            languages: languages.map(Self.list).map(Set.init), deliveries: try deliveries(),
            maxCredits: maxEcts, termCredits: termCredits, skillGroup: skillGroup,
            completed: Set(completed.map(Self.list) ?? []), timeLimit: timeLimit)
        let store = try global.openStore()
        let portfolios: [RegionalPortfolio]
        if let organisation {
            portfolios = [try learnerPath(organisation, store: store, catalog: catalog, options: options)]
        } else {
            portfolios = try PathPlanner.regionalPortfolios(
                coded: try CurrentNeeds.coded(store, round: round), catalog: catalog, regions: region.map { [$0] },
                minRespondents: k,
                timeLimit: timeLimit, options: options)
        }
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

    private func learnerPath(_ identifier: String, store: ResponseStore, catalog: Catalog, options: PathOptions)
        throws -> RegionalPortfolio
    {
        let (pseudonym, responses) = try store.organisationResponses(identifier, region: region)
        guard let latest = responses.last(where: { round == nil || $0.response.round == round }) else {
            throw CLIError(
                "organisation \(pseudonym) has no response to plan from. Interview it first (osaava survey fill).")
        }
        guard latest.response.consent.planning else {
            throw CLIError(
                "organisation \(pseudonym) did not consent to the use of its answers to plan its training "
                    + "(consent question of response \(latest.response.id)), so no learner path is made. "
                    + "Ask for consent and edit the response (osaava survey edit \(latest.response.id)).")
        }
        return try PathPlanner.learnerPath(
            for: latest.response, pseudonym: pseudonym, catalog: catalog, options: options)
    }

    private func deliveries() throws -> Set<Delivery>? {
        guard let delivery else { return nil }
        var modes: Set<Delivery> = []
        for word in Self.list(delivery) {
            guard let mode = Delivery(rawValue: word) else {
                throw ValidationError(
                    "unknown delivery \"\(word)\" in --delivery. Use: \(Delivery.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            modes.insert(mode)
        }
        return modes
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
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
    @Option(help: "Only this survey round (default: every round).") var round: String?
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
        let research = try ResearchInputs.load(store, round: round)
        let plan = ServiceConcepts.plan(
            catalog: catalog,
            needs: try CurrentNeeds.coded(store, round: round),
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
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(help: "Language of catalogue names: fi, sv or en (default: the catalogue's first).") var lang: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.loadCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        let language = try SurveyFillCommand.language(lang, catalog)
        let research = try ResearchInputs.load(try global.openStore(), round: round)
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
