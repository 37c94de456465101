import Catalog

/// Chooses who could provide a concept: institutions of the template's types teaching skills of
/// the needed groups, nearest the demand (up to two local ones per region of demand, else the
/// nearest one), the infrastructures respondents asked for and their owners, and infrastructures
/// of the template's types supporting the needed skills in the regions of demand.
struct ServiceProviders {
    let expertise: Expertise
    /// Local institutions / infrastructures kept per region of demand.
    static let perRegion = 2

    private var catalog: Catalog { expertise.catalog }

    func choose(
        _ template: ServiceConceptTemplate, groups: [String], regions demand: [String], requested: [String]
    ) -> [ServiceProvider] {
        let skills = expertise.skills(ofGroups: groups)
        var providers: [ServiceProvider] = []
        func add(_ provider: ServiceProvider) {
            if let index = providers.firstIndex(where: {
                $0.kind == provider.kind && $0.code == provider.code && $0.region == provider.region
            }) {
                providers[index].serves = expertise.sortedRegions(providers[index].serves + provider.serves)
                providers[index].requested = providers[index].requested || provider.requested
            } else {
                providers.append(provider)
            }
        }
        for provider in institutions(template, skills: skills, demand: demand) { add(provider) }
        for provider in requestedInfrastructures(template, requested, skills: skills) { add(provider) }
        for provider in supportingInfrastructures(template, skills: skills, demand: demand) { add(provider) }
        let order = Dictionary(
            catalog.institutions.map(\.code).enumerated().map { ($1, $0) }
                + catalog.infrastructures.map(\.code).enumerated().map { ($1, $0) },
            uniquingKeysWith: { first, _ in first })
        return providers.sorted {
            let a = (expertise.rank(ofRegion: $0.region), $0.kind == .institution ? 0 : 1, $0.requested ? 0 : 1)
            let b = (expertise.rank(ofRegion: $1.region), $1.kind == .institution ? 0 : 1, $1.requested ? 0 : 1)
            if a != b { return a < b }
            return ($1.skills, order[$0.code] ?? Int.max, $0.code) < ($0.skills, order[$1.code] ?? Int.max, $1.code)
        }
    }

    private struct Candidate {
        var institution: Institution
        var taught: Set<String>
        var places: Set<String>
        var position: Int
    }

    private func institutions(
        _ template: ServiceConceptTemplate, skills: Set<String>, demand: [String]
    ) -> [ServiceProvider] {
        guard !skills.isEmpty else { return [] }
        let candidates = catalog.institutions.enumerated().compactMap { position, institution -> Candidate? in
            guard template.institutionKinds.contains(institution.kind) else { return nil }
            let taught = expertise.taught(by: institution.code, among: skills)
            guard !taught.isEmpty else { return nil }
            return Candidate(
                institution: institution, taught: taught,
                places: expertise.regions(of: institution, teaching: taught), position: position)
        }
        func provider(_ candidate: Candidate, region: String, serves: String) -> ServiceProvider {
            ServiceProvider(
                kind: .institution, code: candidate.institution.code, region: region, serves: [serves],
                skills: candidate.taught.count, requested: false,
                illustrative: expertise.onlyIllustrative(candidate.institution.code, candidate.taught),
                unverified: !candidate.institution.verified)
        }
        var chosen: [ServiceProvider] = []
        for region in demand {
            let local = candidates.filter { $0.places.contains(region) }.sorted {
                ($1.taught.count, $0.position) < ($0.taught.count, $1.position)
            }
            if !local.isEmpty {
                chosen += local.prefix(Self.perRegion).map { provider($0, region: region, serves: region) }
                continue
            }
            // No local provider: the nearest one, then the one teaching most of the groups.
            let nearest = candidates.min {
                (expertise.distance(from: $0.places, to: region), -$0.taught.count, $0.position)
                    < (expertise.distance(from: $1.places, to: region), -$1.taught.count, $1.position)
            }
            if let nearest { chosen.append(provider(nearest, region: nearest.institution.region, serves: region)) }
        }
        return chosen
    }

    /// The infrastructures respondents asked for, and their owners when the catalogue has them as
    /// institutions of the template's types.
    private func requestedInfrastructures(
        _ template: ServiceConceptTemplate, _ codes: [String], skills: Set<String>
    ) -> [ServiceProvider] {
        var providers: [ServiceProvider] = []
        for code in codes {
            guard let infrastructure = catalog.infrastructure(code) else { continue }
            providers.append(
                ServiceProvider(
                    kind: .infrastructure, code: code, region: infrastructure.region, serves: [],
                    skills: Set(infrastructure.skills).intersection(skills).count, requested: true,
                    illustrative: false, unverified: !infrastructure.verified))
            if let owner = catalog.institution(infrastructure.owner), template.institutionKinds.contains(owner.kind) {
                let taught = expertise.taught(by: owner.code, among: skills)
                providers.append(
                    ServiceProvider(
                        kind: .institution, code: owner.code, region: infrastructure.region, serves: [],
                        skills: taught.count, requested: true,
                        illustrative: expertise.onlyIllustrative(owner.code, taught), unverified: !owner.verified))
            }
        }
        return providers
    }

    /// Infrastructures of the template's types supporting the needed skills: up to two in each
    /// region of demand; when no region of demand has one, the two supporting most, wherever they are.
    private func supportingInfrastructures(
        _ template: ServiceConceptTemplate, skills: Set<String>, demand: [String]
    ) -> [ServiceProvider] {
        guard !skills.isEmpty else { return [] }
        let candidates = catalog.infrastructures.enumerated().compactMap {
            position, infrastructure -> (Infrastructure, Int, Int)? in
            guard template.infrastructureKinds.contains(infrastructure.kind) else { return nil }
            let supported = Set(infrastructure.skills).intersection(skills).count
            return supported > 0 ? (infrastructure, supported, position) : nil
        }.sorted { ($1.1, $0.2) < ($0.1, $1.2) }
        func provider(_ entry: (Infrastructure, Int, Int), serves: [String]) -> ServiceProvider {
            ServiceProvider(
                kind: .infrastructure, code: entry.0.code, region: entry.0.region, serves: serves, skills: entry.1,
                requested: false, illustrative: false, unverified: !entry.0.verified)
        }
        var chosen: [ServiceProvider] = []
        for region in demand {
            chosen += candidates.filter { $0.0.region == region }.prefix(Self.perRegion).map {
                provider($0, serves: [region])
            }
        }
        if chosen.isEmpty { chosen = candidates.prefix(Self.perRegion).map { provider($0, serves: demand) } }
        return chosen
    }
}
