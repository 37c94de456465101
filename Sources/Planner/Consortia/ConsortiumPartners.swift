import Catalog

/// Chooses the partners of a challenge's consortium: institutions whose courses and
/// infrastructures cover skills of the challenge's skill groups (key skills counting double), the
/// best one in each region of the challenge, then the best of other project regions until the
/// partners come from N regions, then the best national institutes (the catalogue's catch-all region).
struct ConsortiumPartners {
    let expertise: Expertise
    /// National institutes (outside the project regions) added at most.
    static let nationalInstitutes = 2

    private var catalog: Catalog { expertise.catalog }

    private struct Match {
        var partner: ConsortiumPartner
        var score: Int
        var position: Int
    }

    func choose(groups: [String], keySkills: [String], regions: [String], sharedRegions: Int) -> [ConsortiumPartner] {
        let skills = expertise.skills(ofGroups: groups)
        let key = Set(keySkills)
        let matches = catalog.institutions.enumerated().compactMap { position, institution -> Match? in
            let taught = expertise.taught(by: institution.code, among: skills)
            let owned = catalog.infrastructures.filter {
                $0.owner == institution.code && !skills.isDisjoint(with: $0.skills)
            }
            let covered = owned.reduce(into: taught) { $0.formUnion(Set($1.skills).intersection(skills)) }
            guard !covered.isEmpty else { return nil }
            let keyCovered = covered.intersection(key).count
            let partner = ConsortiumPartner(
                institution: institution.code, region: institution.region, skills: covered.count,
                keySkills: keyCovered, infrastructures: owned.map(\.code),
                illustrative: owned.isEmpty && expertise.onlyIllustrative(institution.code, taught),
                unverified: !institution.verified)
            return Match(partner: partner, score: covered.count + keyCovered, position: position)
        }.sorted {
            ($1.score, $1.partner.infrastructures.count, $0.position)
                < ($0.score, $0.partner.infrastructures.count, $1.position)
        }
        let other = catalog.settings.otherRegion
        var chosen: [Match] = []
        func take(_ match: Match?) {
            if let match, !chosen.contains(where: { $0.partner.institution == match.partner.institution }) {
                chosen.append(match)
            }
        }
        for region in regions where region != other { take(matches.first { $0.partner.region == region }) }
        // Too few regions: the best partners of project regions not yet represented.
        while Set(chosen.map(\.partner.region)).subtracting([other]).count < sharedRegions {
            let covered = Set(chosen.map(\.partner.region))
            guard
                let next = matches.first(where: { !covered.contains($0.partner.region) && $0.partner.region != other })
            else { break }
            take(next)
        }
        for match in matches.filter({ $0.partner.region == other }).prefix(Self.nationalInstitutes) { take(match) }
        return chosen.sorted {
            ($1.score, expertise.rank(ofRegion: $0.partner.region), $0.position)
                < ($0.score, expertise.rank(ofRegion: $1.partner.region), $1.position)
        }.map(\.partner)
    }

    /// Catalogue infrastructures supporting the challenge's skills: most key skills, then most
    /// skills of its groups, then catalogue order.
    func infrastructures(groups: [String], keySkills: [String], limit: Int = 4) -> [String] {
        let skills = expertise.skills(ofGroups: groups)
        let key = Set(keySkills)
        return catalog.infrastructures.enumerated().compactMap { position, infrastructure -> (String, Int, Int, Int)? in
            let supported = Set(infrastructure.skills).intersection(skills)
            guard !supported.isEmpty else { return nil }
            return (infrastructure.code, supported.intersection(key).count, supported.count, position)
        }.sorted { ($1.1, $1.2, $0.3) < ($0.1, $0.2, $1.3) }.prefix(limit).map(\.0)
    }
}
