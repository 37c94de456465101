import Analysis
import Catalog

/// `osaava plan consortia`: for each research challenge shared by at least N regions (K
/// organisations in each), a national joint-project proposal, and, where at least K of its
/// organisations are interested in Horizon Europe, a consortium sketch flagged with what an EU
/// consortium still lacks. The strongest 1–2 of each kind are marked as candidates.
package enum ConsortiumPlanner {
    package static func plan(catalog: Catalog, challenges: [ChallengeRecord], minRespondents: Int) -> ConsortiumPlan {
        let k = max(minRespondents, catalog.settings.minRespondents)
        let n = catalog.settings.sharedRegions
        let shared = NeedsAnalysis(catalog: catalog).sharedChallenges(challenges, minRespondents: k)
        let research = ResearchVocabulary(catalog)
        let partners = ConsortiumPartners(expertise: Expertise(catalog))
        var national: [(proposal: NationalProposal, position: Int)] = []
        var horizon: [(sketch: HorizonSketch, position: Int)] = []
        var withoutHorizon: [NoHorizonSketch] = []
        for (position, challenge) in shared.enumerated() {
            let groups = research.groups(of: challenge.challenge)
            let keySkills = research.keySkills(of: challenge.challenge)
            let regions = challenge.regions.map(\.region)
            let chosen = partners.choose(groups: groups, keySkills: keySkills, regions: regions, sharedRegions: n)
            let partnerRegions = Set(chosen.map(\.region)).subtracting([catalog.settings.otherRegion])
            let interested = InterestCount(challenge.national)
            var shortfalls: [NationalShortfall] = []
            if partnerRegions.count < n {
                shortfalls.append(.partnersInFewerRegions(have: partnerRegions.count, need: n))
            }
            if interested.published < k { shortfalls.append(.interestNotShown(interested)) }
            let proposal = NationalProposal(
                challenge: challenge.challenge, rank: 0, candidate: false,
                regions: challenge.regions.map {
                    RegionOrganisations(region: $0.region, organisations: $0.organisations)
                },
                organisations: challenge.organisations, interested: interested, groups: groups, partners: chosen,
                partnerRegions: catalog.regions.map(\.code).filter(partnerRegions.contains),
                neededInfrastructures: challenge.infrastructures.map {
                    InfrastructureNeed(infrastructure: $0.infrastructure, organisations: $0.organisations)
                },
                matchingInfrastructures: partners.infrastructures(groups: groups, keySkills: keySkills),
                shortfalls: shortfalls)
            national.append((proposal, position))
            let euInterest = InterestCount(challenge.horizonEurope)
            if euInterest.published >= k {
                let lacks: [EULack] = [
                    .partnersFromOtherCountries(required: ConsortiumPlan.euCountriesRequired), .coordinator,
                    .callTopic, .namedCompanies,
                ]
                horizon.append(
                    (
                        HorizonSketch(
                            challenge: challenge.challenge, rank: 0, candidate: false, interested: euInterest.published,
                            organisations: challenge.organisations, regions: regions, partners: chosen, lacks: lacks),
                        position
                    ))
            } else {
                withoutHorizon.append(NoHorizonSketch(challenge: challenge.challenge, interested: euInterest))
            }
        }
        // Interested organisations (published counts only), then regions, partner coverage,
        // organisations naming the challenge, then the analysis's order.
        let rankedNational = national.sorted {
            (
                $1.proposal.interested.published, $1.proposal.regions.count, $1.proposal.partnerRegions.count,
                $1.proposal.organisations, $0.position
            )
                < (
                    $0.proposal.interested.published, $0.proposal.regions.count, $0.proposal.partnerRegions.count,
                    $0.proposal.organisations, $1.position
                )
        }.map(\.proposal)
        let rankedHorizon = horizon.sorted {
            (
                $1.sketch.interested, $1.sketch.regions.count, coverage($1.sketch, catalog), $1.sketch.organisations,
                $0.position
            )
                < (
                    $0.sketch.interested, $0.sketch.regions.count, coverage($0.sketch, catalog),
                    $0.sketch.organisations, $1.position
                )
        }.map(\.sketch)
        var candidates = 0
        let markedNational = rankedNational.enumerated().map { index, proposal -> NationalProposal in
            var proposal = proposal
            proposal.rank = index + 1
            if proposal.interested.published >= k && candidates < ConsortiumPlan.candidatesWanted {
                proposal.candidate = true
                candidates += 1
            }
            return proposal
        }
        let markedHorizon = rankedHorizon.enumerated().map { index, sketch -> HorizonSketch in
            var sketch = sketch
            sketch.rank = index + 1
            sketch.candidate = index < ConsortiumPlan.candidatesWanted
            return sketch
        }
        return ConsortiumPlan(
            national: markedNational, horizon: markedHorizon, withoutHorizon: withoutHorizon, minRespondents: k,
            sharedRegions: n)
    }

    /// Project regions the sketch's partners come from.
    private static func coverage(_ sketch: HorizonSketch, _ catalog: Catalog) -> Int {
        Set(sketch.partners.map(\.region)).subtracting([catalog.settings.otherRegion]).count
    }
}
