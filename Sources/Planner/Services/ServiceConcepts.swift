import Analysis
import Catalog

/// `osaava plan services`: each catalogue template instantiated where the data support it.
///
/// Demand comes only from parts with at least K organisations: skill group × region cells whose
/// needs prefer one of the template's training formats, infrastructures named by at least K
/// organisations, and research challenges shared by at least N regions (K organisations in each).
/// A concept shows distinct-organisation counts and regions, never an organisation; a template
/// without such demand is listed with why.
package enum ServiceConcepts {
    package static func plan(
        catalog: Catalog, needs: [NeedRecord], requests: [InfrastructureRequest], challenges: [ChallengeRecord],
        minRespondents: Int
    ) -> ServicePlan {
        plan(
            catalog: catalog, needs: CodedRecords(needs), requests: requests, challenges: challenges,
            minRespondents: minRespondents)
    }

    /// The same over needs already coded (a store's scan, gathered once for a whole report).
    package static func plan(
        catalog: Catalog, needs: CodedRecords, requests: [InfrastructureRequest], challenges: [ChallengeRecord],
        minRespondents: Int
    ) -> ServicePlan {
        let k = max(minRespondents, catalog.settings.minRespondents)
        let index = ServiceDemandIndex(catalog: catalog, needs: needs, requests: requests, challenges: challenges, k: k)
        let providers = ServiceProviders(expertise: Expertise(catalog))
        var concepts: [(concept: ServiceConcept, position: Int)] = []
        var unsupported: [UnsupportedService] = []
        for (position, template) in catalog.serviceConcepts.enumerated() {
            let parts = index.parts(for: template)
            guard !parts.isEmpty else {
                unsupported.append(
                    UnsupportedService(template: template.code, shortfalls: index.shortfalls(for: template)))
                continue
            }
            concepts.append((concept(template, parts, k: k, catalog: catalog, providers: providers), position))
        }
        // Most organisations first, then most people, then catalogue order.
        let ranked = concepts.sorted {
            ($1.concept.organisations, $1.concept.people, $0.position)
                < ($0.concept.organisations, $0.concept.people, $1.position)
        }.enumerated().map { rank, entry -> ServiceConcept in
            var concept = entry.concept
            concept.rank = rank + 1
            return concept
        }
        return ServicePlan(
            concepts: ranked, unsupported: unsupported, minRespondents: k,
            sharedRegions: catalog.settings.sharedRegions)
    }

    private static func concept(
        _ template: ServiceConceptTemplate, _ parts: [DemandPart], k: Int, catalog: Catalog,
        providers: ServiceProviders
    ) -> ServiceConcept {
        let expertise = providers.expertise
        let organisations = parts.reduce(into: Set<Int>()) { $0.formUnion($1.organisations) }
        let countsShown = OverlapRule.partsArePublishable(
            parts.map(\.organisations.count), distinct: organisations.count, k: k)
        let demand = parts.map {
            ServiceDemand(basis: $0.basis, organisations: countsShown ? $0.organisations.count : nil, people: $0.people)
        }
        // Regions of demand: those of needs cells and challenges, and those where the concept's
        // infrastructure requests reach K organisations.
        var regions = Set(parts.flatMap(\.regions))
        var requesters: [String: Set<Int>] = [:]
        for part in parts {
            for (region, organisations) in part.requesters { requesters[region, default: []].formUnion(organisations) }
        }
        for (region, organisations) in requesters where organisations.count >= k { regions.insert(region) }
        regions.remove(catalog.settings.otherRegion)
        let demandRegions = expertise.sortedRegions(regions)
        let groupSet = Set(parts.flatMap(\.groups))
        let groups = catalog.groups.map(\.code).filter(groupSet.contains)
        var requested: [String] = []
        for part in parts {
            if case .infrastructure(let code) = part.basis { requested.append(code) }
        }
        return ServiceConcept(
            template: template.code, rank: 0, demand: demand, organisations: organisations.count,
            people: parts.reduce(0) { $0 + $1.people }, regions: demandRegions, groups: groups,
            formats: formats(template, parts, k: k),
            providers: providers.choose(template, groups: groups, regions: demandRegions, requested: requested))
    }

    /// The template's formats that at least K organisations of its needs cells prefer.
    private static func formats(_ template: ServiceConceptTemplate, _ parts: [DemandPart], k: Int) -> [FormatPreference]
    {
        var preferring: [String: Set<Int>] = [:]
        var behindNeeds = Set<Int>()
        for part in parts where !part.formats.isEmpty {
            behindNeeds.formUnion(part.organisations)
            for (format, organisations) in part.formats { preferring[format, default: []].formUnion(organisations) }
        }
        let shown = template.formats.filter { (preferring[$0]?.count ?? 0) >= k }
        let counts = shown.map { preferring[$0]?.count ?? 0 }
        let countsShown = OverlapRule.partsArePublishable(counts, distinct: behindNeeds.count, k: k)
        return zip(shown, counts).map { FormatPreference(format: $0, organisations: countsShown ? $1 : nil) }
    }
}
