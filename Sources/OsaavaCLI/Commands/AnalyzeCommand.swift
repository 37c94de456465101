import Analysis
import ArgumentParser
import Catalog
import Reports
import Store

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Aggregate the competence needs (every cell with fewer than K organisations suppressed).",
        subcommands: [
            AnalyzeNeedsCommand.self, AnalyzeGapsCommand.self, AnalyzeSharedCommand.self,
            AnalyzeChallengesCommand.self, AnalyzeTrendsCommand.self,
        ]
    )
}

/// Where `analyze needs` takes its figures from.
enum FigureSource: String, ExpressibleByArgument, CaseIterable {
    /// The maintained rollups when they hold the table, else a full scan.
    case auto
    case rollups
    case scan
}

/// The filters and K shared by the analyze commands.
struct AnalysisOptions: ParsableArguments {
    @Option(help: "Only this region (code).") var region: String?
    @Option(name: .customLong("skill-group"), help: "Only this skill group (code).") var skillGroup: String?
    @Option(help: "Only this horizon (code).") var horizon: String?
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    var listingFormat: ListingFormat { ListingFormat(rawValue: format.rawValue) ?? .table }

    func filters(_ catalog: Catalog) throws -> [Dimension: Set<String>] {
        func check(_ value: String?, _ known: [String], _ what: String, _ option: String) throws -> Set<String>? {
            guard let value else { return nil }
            guard known.contains(value) else {
                throw ValidationError(
                    "unknown \(what) \"\(value)\" in \(option). Use one of: \(known.joined(separator: ", "))")
            }
            return [value]
        }
        var filters: [Dimension: Set<String>] = [:]
        filters[.region] = try check(region, catalog.regions.map(\.code), "region", "--region")
        filters[.skillGroup] = try check(skillGroup, catalog.groups.map(\.code), "skill group", "--skill-group")
        filters[.horizon] = try check(horizon, catalog.settings.horizons.map(\.code), "horizon", "--horizon")
        filters[.round] = round.map { [$0] }
        return filters
    }
}

struct AnalyzeNeedsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "needs",
        abstract: "People needed and distinct organisations per cell, with totals.",
        discussion: "Dimensions: \(Dimension.allCases.map(\.rawValue).joined(separator: ", "))."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Dimensions, comma-separated.") var by = "region,skill"
    @OptionGroup var options: AnalysisOptions
    @Option(help: "auto (maintained rollups when they hold the table, else a full scan), rollups or scan.")
    var source: FigureSource = .auto

    func run() throws {
        let dimensions: [Dimension]
        switch Dimension.parseList(by) {
        case .success(let list): dimensions = list
        case .failure(let problem): throw ValidationError(problem.description)
        }
        let catalog = try global.analysisCatalog()
        let k = try MinRespondents.resolve(options.minRespondents, catalog)
        let query = NeedsQuery(by: dimensions, filters: try options.filters(catalog), minRespondents: k)
        let store = try global.openStore()
        let analysis = NeedsAnalysis(catalog: catalog)
        let table: NeedsTable
        let from: String
        if source != .scan, let groupings = analysis.rollupGroupings(for: query) {
            table = analysis.table(
                rollups: try store.rollupCells(analysis.rollupDefinition, groupings: groupings), query: query)
            from = "maintained rollups (updated in the transaction that writes each response)"
        } else if source == .rollups {
            throw ValidationError(
                "the rollups do not hold needs by \(by)\(query.filters.isEmpty ? "" : " with filters"). "
                    + "Use --source scan (or auto).")
        } else {
            table = try store.scanNeeds { codebook, scan in
                try analysis.table(codebook: codebook, query: query, scan: scan)
            }
            from = "a full scan of the current needs"
        }
        var listing = Listing(needs: table, catalog: catalog)
        listing.notes.append("figures from \(from).")
        CommandContext.current.console.write(listing.render(options.listingFormat))
    }
}

struct AnalyzeGapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Demand per year against education supply per year, per region and skill, largest shortfall first.",
        discussion: GapTable.onlineRule
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this region (code).") var region: String?
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.analysisCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        if let region, catalog.region(region) == nil {
            throw ValidationError(
                "unknown region \"\(region)\" in --region. Use one of: \(catalog.regions.map(\.code).joined(separator: ", "))"
            )
        }
        let analysis = NeedsAnalysis(catalog: catalog)
        var gaps = try global.openStore().scanNeeds { codebook, scan in
            try RoundFilter.within(round, codebook: codebook, scan: scan) { scan in
                try analysis.gaps(codebook: codebook, minRespondents: k, scan: scan)
            }
        }
        if let region { gaps.rows = gaps.rows.filter { $0.region == region } }
        CommandContext.current.console.write(
            AnalysisListings.gaps(gaps, catalog: catalog).render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct AnalyzeSharedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shared",
        abstract:
            "Skills needed in at least N regions (N in the catalogue), counting only cells with ≥ K organisations."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.analysisCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        let analysis = NeedsAnalysis(catalog: catalog)
        let query = NeedsQuery(
            by: NeedsAnalysis.sharedQuery, filters: round.map { [.round: [$0]] } ?? [:], minRespondents: k)
        let store = try global.openStore()
        let table: NeedsTable
        if let groupings = analysis.rollupGroupings(for: query) {
            table = analysis.table(
                rollups: try store.rollupCells(analysis.rollupDefinition, groupings: groupings), query: query)
        } else {
            table = try store.scanNeeds { codebook, scan in
                try analysis.table(codebook: codebook, query: query, scan: scan)
            }
        }
        CommandContext.current.console.write(
            AnalysisListings.shared(analysis.sharedNeeds(from: table), k: k, catalog: catalog)
                .render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct AnalyzeChallengesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "challenges",
        abstract:
            "Research challenges named in at least N regions (N in the catalogue), each region with ≥ K organisations."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Only this survey round (default: every round).") var round: String?
    @Option(name: .customLong("min-respondents"), help: "K: raise the catalogue's minimum organisations per cell.")
    var minRespondents: Int?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table

    func run() throws {
        let catalog = try global.analysisCatalog()
        let k = try MinRespondents.resolve(minRespondents, catalog)
        let challenges = NeedsAnalysis(catalog: catalog).sharedChallenges(
            try ResearchInputs.load(try global.openStore(), round: round).challenges, minRespondents: k)
        CommandContext.current.console.write(
            AnalysisListings.challenges(challenges, k: k, catalog: catalog)
                .render(ListingFormat(rawValue: format.rawValue) ?? .table))
    }
}

struct AnalyzeTrendsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trends",
        abstract: "The same cells across survey rounds, with the change from the first round to the last."
    )

    @OptionGroup var global: GlobalOptions
    @Option(help: "Dimensions, comma-separated (round is added).") var by = "skill-group"
    @OptionGroup var options: AnalysisOptions

    func run() throws {
        let dimensions: [Dimension]
        switch Dimension.parseList(by) {
        case .success(let list): dimensions = list
        case .failure(let problem): throw ValidationError(problem.description)
        }
        let catalog = try global.analysisCatalog()
        let k = try MinRespondents.resolve(options.minRespondents, catalog)
        let query = NeedsQuery(by: dimensions, filters: try options.filters(catalog), minRespondents: k)
        let analysis = NeedsAnalysis(catalog: catalog)
        let trends = try global.openStore().scanNeeds { codebook, scan in
            try analysis.trends(codebook: codebook, query: query, scan: scan)
        }
        CommandContext.current.console.write(AnalysisListings.trends(trends).render(options.listingFormat))
    }
}

extension GlobalOptions {
    /// The catalogue as the analyze commands need it, from the cache when the files are unchanged.
    func analysisCatalog() throws -> Catalog {
        try AnalysisCatalogCache.load(root: context.resolve(catalog ?? "."), environment: context.environment)
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
