import Analysis
import Catalog

/// One region's portfolio: the needs that may be planned (cells with ≥ K organisations) and the
/// minimum-credit course set covering them.
package struct RegionalPortfolio: Sendable {
    package var region: String
    package var needs: [PlannableNeed]
    package var plan: PathPlan
}

extension PathPlanner {
    /// Plans a portfolio for each region (in catalogue order) whose organisations name at least one
    /// plannable need; `regions` nil = the project's regions (not the catch-all region).
    package static func regionalPortfolios(
        records: [NeedRecord], catalog: Catalog, regions: [String]?, minRespondents: Int, timeLimit: Double,
        languages: Set<String>? = nil, deliveries: Set<Delivery>? = nil, maxCredits: Double? = nil
    ) throws -> [RegionalPortfolio] {
        let analysis = NeedsAnalysis(catalog: catalog)
        let wanted = regions ?? catalog.projectRegions.map(\.code)
        var portfolios: [RegionalPortfolio] = []
        for region in wanted {
            let needs = analysis.plannableNeeds(records, region: region, minRespondents: minRespondents)
            guard !needs.isEmpty else { continue }
            let request = PathRequest(
                kind: .regionalPortfolio,
                needs: needs.map {
                    PlanNeed(
                        skill: $0.skill, level: $0.level, people: $0.people, peoplePerYear: $0.peoplePerYear,
                        region: region)
                },
                demandRegion: region, languages: languages, deliveries: deliveries, maxCredits: maxCredits,
                timeLimit: timeLimit)
            portfolios.append(
                RegionalPortfolio(region: region, needs: needs, plan: try plan(request, catalog: catalog)))
        }
        return portfolios
    }
}
