import Analysis
import ArgumentParser
import Catalog
import Reports
import Store

/// An analyze command with its options read, whichever parser read them: ArgumentParser (the
/// subcommands of `AnalyzeCommand`) or, for the common forms, `AnalyzeFastPath`.
package struct AnalyzeRequest: Equatable {
    enum Question: Equatable {
        case needs(by: String, source: FigureSource)
        case gaps, shared, challenges
        case trends(by: String)
    }

    var question: Question
    var workspace = Workspace()
    var choices = AnalysisChoices()

    package func run() throws {
        // The dimensions are checked before the catalogue is read: a typo costs nothing.
        let dimensions: [Dimension]
        switch question {
        case .needs(let by, _), .trends(let by): dimensions = try Self.dimensions(by)
        case .gaps, .shared, .challenges: dimensions = []
        }
        let catalog = try workspace.analysisCatalog(parts)
        let k = try MinRespondents.resolve(choices.minRespondents, catalog)
        let listing: Listing
        switch question {
        case .needs(let by, let source): listing = try needs(dimensions, by: by, source: source, catalog, k)
        case .gaps: listing = try gaps(catalog, k)
        case .shared: listing = try shared(catalog, k)
        case .challenges: listing = try challenges(catalog, k)
        case .trends: listing = try trends(dimensions, catalog, k)
        }
        CommandContext.current.console.write(listing.render(choices.listingFormat))
    }

    /// The optional parts of the catalogue this question reads: gaps count the courses' places,
    /// challenges order the infrastructures their respondents name as the catalogue lists them.
    var parts: AnalysisCatalogParts {
        switch question {
        case .gaps: [.courses]
        case .challenges: [.infrastructures]
        case .needs, .shared, .trends: []
        }
    }

    /// Refuses a table too large to show (every combination of the values of many dimensions)
    /// before any needs are read.
    private static func checkSize(_ query: NeedsQuery, _ analysis: NeedsAnalysis, by: String) throws {
        let rows = analysis.largestTable(for: query)
        guard rows > NeedsAnalysis.largestTableShown else { return }
        let english = NumberStyle(language: "en")
        let count = rows == Int.max ? "more than \(english.integer(Int.max))" : "up to \(english.integer(rows))"
        throw ValidationError(
            "a table by \(by) could have \(count) rows (every combination of the catalogue's values, with "
                + "totals), more than the \(english.integer(NeedsAnalysis.largestTableShown)) shown. Use fewer "
                + "dimensions in --by, or keep fewer values with --region, --skill-group, --horizon or --round.")
    }

    private static func dimensions(_ by: String) throws -> [Dimension] {
        switch Dimension.parseList(by) {
        case .success(let list): return list
        case .failure(let problem): throw ValidationError(problem.description)
        }
    }

    private func needs(
        _ dimensions: [Dimension], by: String, source: FigureSource, _ catalog: Catalog, _ k: Int
    ) throws -> Listing {
        let query = NeedsQuery(by: dimensions, filters: try choices.filters(catalog), minRespondents: k)
        let analysis = NeedsAnalysis(catalog: catalog)
        try Self.checkSize(query, analysis, by: by)
        let table: NeedsTable
        let from: String
        if source != .scan, let groupings = analysis.rollupGroupings(for: query) {
            table = analysis.table(
                rollups: try workspace.rollupCells(analysis.rollupDefinition, groupings: groupings), query: query)
            from = "maintained rollups (updated in the transaction that writes each response)"
        } else if source == .rollups {
            throw ValidationError(
                "the rollups do not hold needs by \(by)\(query.filters.isEmpty ? "" : " with filters"). "
                    + "Use --source scan (or auto).")
        } else {
            table = try workspace.withStore { store in
                try store.scanNeeds { codebook, scan in
                    try analysis.table(codebook: codebook, query: query, scan: scan)
                }
            }
            from = "a full scan of the current needs"
        }
        var listing = Listing(needs: table, catalog: catalog)
        listing.notes.append("figures from \(from).")
        return listing
    }

    private func gaps(_ catalog: Catalog, _ k: Int) throws -> Listing {
        if let region = choices.region, catalog.region(region) == nil {
            throw ValidationError(
                "unknown region \"\(region)\" in --region. Use one of: \(catalog.regions.map(\.code).joined(separator: ", "))"
            )
        }
        let analysis = NeedsAnalysis(catalog: catalog)
        var gaps = try workspace.withStore { store in
            try store.scanNeeds { codebook, scan in
                try RoundFilter.within(choices.round, codebook: codebook, scan: scan) { scan in
                    try analysis.gaps(codebook: codebook, minRespondents: k, scan: scan)
                }
            }
        }
        if let region = choices.region { gaps.rows = gaps.rows.filter { $0.region == region } }
        return AnalysisListings.gaps(gaps, catalog: catalog)
    }

    private func shared(_ catalog: Catalog, _ k: Int) throws -> Listing {
        let analysis = NeedsAnalysis(catalog: catalog)
        let query = NeedsQuery(
            by: NeedsAnalysis.sharedQuery, filters: choices.round.map { [.round: [$0]] } ?? [:], minRespondents: k)
        let table: NeedsTable
        if let groupings = analysis.rollupGroupings(for: query) {
            table = analysis.table(
                rollups: try workspace.rollupCells(analysis.rollupDefinition, groupings: groupings), query: query)
        } else {
            table = try workspace.withStore { store in
                try store.scanNeeds { codebook, scan in
                    try analysis.table(codebook: codebook, query: query, scan: scan)
                }
            }
        }
        return AnalysisListings.shared(analysis.sharedNeeds(from: table), k: k, catalog: catalog)
    }

    private func challenges(_ catalog: Catalog, _ k: Int) throws -> Listing {
        let challenges = NeedsAnalysis(catalog: catalog).sharedChallenges(
            try workspace.withStore { try ResearchInputs.load($0, round: choices.round) }.challenges, minRespondents: k)
        return AnalysisListings.challenges(challenges, k: k, catalog: catalog)
    }

    private func trends(_ dimensions: [Dimension], _ catalog: Catalog, _ k: Int) throws -> Listing {
        let query = NeedsQuery(by: dimensions, filters: try choices.filters(catalog), minRespondents: k)
        let analysis = NeedsAnalysis(catalog: catalog)
        try Self.checkSize(query, analysis, by: dimensions.map(\.rawValue).joined(separator: ","))
        let trends = try workspace.withStore { store in
            try store.scanNeeds { codebook, scan in
                try analysis.trends(codebook: codebook, query: query, scan: scan)
            }
        }
        return AnalysisListings.trends(trends)
    }
}

/// The filters, K and format the analyze commands share (each command takes the ones it lists).
struct AnalysisChoices: Equatable {
    var region: String?
    var skillGroup: String?
    var horizon: String?
    var round: String?
    var minRespondents: Int?
    var format: OutputFormat = .table

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
