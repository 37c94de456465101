import Analysis
import Catalog

/// One region's portfolio: the needs that may be planned (cells with ≥ K organisations) and the
/// minimum-credit course set covering them.
package struct RegionalPortfolio: Sendable {
    package var region: String
    package var needs: [PlannableNeed]
    package var plan: PathPlan
    /// For a learner path: the organisation's pseudonym (whose needs these are, with its consent).
    package var organisation: String?

    package init(region: String, needs: [PlannableNeed], plan: PathPlan, organisation: String? = nil) {
        self.region = region
        self.needs = needs
        self.plan = plan
        self.organisation = organisation
    }
}

/// What `plan paths` may restrict: the catalogue's courses to use and how a path is laid out.
package struct PathOptions: Sendable {
    package var languages: Set<String>?
    package var deliveries: Set<Delivery>?
    package var maxCredits: Double?
    package var termCredits: Double?
    /// Only needs of this skill group.
    package var skillGroup: String?
    /// Course or skill codes the learner has completed (learner paths).
    package var completed: Set<String>
    package var timeLimit: Double

    package init(
        languages: Set<String>? = nil, deliveries: Set<Delivery>? = nil, maxCredits: Double? = nil,
        termCredits: Double? = nil, skillGroup: String? = nil, completed: Set<String> = [], timeLimit: Double = 10
    ) {
        self.languages = languages
        self.deliveries = deliveries
        self.maxCredits = maxCredits
        self.termCredits = termCredits
        self.skillGroup = skillGroup
        self.completed = completed
        self.timeLimit = timeLimit
    }
}

extension PathPlanner {
    /// Plans a portfolio for each region (in catalogue order) whose organisations name at least one
    /// plannable need; `regions` nil = the project's regions (not the catch-all region).
    package static func regionalPortfolios(
        records: [NeedRecord], catalog: Catalog, regions: [String]?, minRespondents: Int, timeLimit: Double,
        options: PathOptions = PathOptions()
    ) throws -> [RegionalPortfolio] {
        try regionalPortfolios(
            coded: CodedRecords(records), catalog: catalog, regions: regions, minRespondents: minRespondents,
            timeLimit: timeLimit, options: options)
    }

    /// The same over needs already coded (a store's scan).
    package static func regionalPortfolios(
        coded records: CodedRecords, catalog: Catalog, regions: [String]?, minRespondents: Int, timeLimit: Double,
        options: PathOptions = PathOptions()
    ) throws -> [RegionalPortfolio] {
        let analysis = NeedsAnalysis(catalog: catalog)
        let wanted = regions ?? catalog.projectRegions.map(\.code)
        let plannable = analysis.plannableNeeds(records, regions: wanted, minRespondents: minRespondents)
        var portfolios: [RegionalPortfolio] = []
        for (region, regionNeeds) in zip(wanted, plannable) {
            let needs = regionNeeds.filter {
                options.skillGroup == nil || catalog.skill($0.skill)?.group == options.skillGroup
            }
            guard !needs.isEmpty else { continue }
            let request = PathRequest(
                kind: .regionalPortfolio,
                needs: needs.map {
                    PlanNeed(
                        skill: $0.skill, level: $0.level, people: $0.people, peoplePerYear: $0.peoplePerYear,
                        region: region)
                },
                demandRegion: region, languages: options.languages, deliveries: options.deliveries,
                maxCredits: options.maxCredits, termCredits: options.termCredits, timeLimit: timeLimit)
            portfolios.append(
                RegionalPortfolio(region: region, needs: needs, plan: try plan(request, catalog: catalog)))
        }
        return portfolios
    }
}

extension PathPlanner {
    /// A learner path: one organisation's own needs (used with its consent to plan its training),
    /// at the highest level it needs each skill, minus what it has completed, in terms.
    package static func learnerPath(
        for response: SurveyResponse, pseudonym: String, catalog: Catalog, options: PathOptions
    ) throws -> RegionalPortfolio {
        let years = Dictionary(
            catalog.settings.horizons.map { ($0.code, $0.years) }, uniquingKeysWith: { first, _ in first })
        var bySkill: [String: PlannableNeed] = [:]
        for need in response.needs
        where options.skillGroup == nil || catalog.skill(need.skill)?.group == options.skillGroup {
            var merged =
                bySkill[need.skill]
                ?? PlannableNeed(
                    skill: need.skill, level: 0, people: 0, peoplePerYear: 0, organisations: 1, formats: [:])
            merged.level = max(merged.level, need.level)
            merged.people += need.people
            merged.peoplePerYear += Double(need.people) / (years[need.horizon] ?? 1)
            for format in need.formats { merged.formats[format, default: 0] += 1 }
            bySkill[need.skill] = merged
        }
        let needs = catalog.skills.compactMap { bySkill[$0.code] }
        let region = response.organisation.region
        let request = PathRequest(
            kind: .learnerPath,
            needs: needs.map {
                PlanNeed(
                    skill: $0.skill, level: $0.level, people: $0.people, peoplePerYear: $0.peoplePerYear,
                    region: region)
            },
            demandRegion: region, languages: options.languages, deliveries: options.deliveries,
            completed: options.completed, maxCredits: options.maxCredits, termCredits: options.termCredits,
            timeLimit: options.timeLimit)
        return RegionalPortfolio(
            region: region, needs: needs, plan: try plan(request, catalog: catalog), organisation: pseudonym)
    }
}
