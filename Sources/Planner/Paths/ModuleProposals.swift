import Catalog

/// New-module proposals for needs no course covers, addressed to the institutions best placed to
/// build them: those already teaching the most skills of the same skill group, nearest to the demand.
enum ModuleProposals {
    static func propose(
        _ uncovered: [(need: MergedNeed, reason: UncoveredReason)], demandRegion: String?, catalog: Catalog
    ) -> [ModuleProposal] {
        guard !uncovered.isEmpty else { return [] }
        // Distinct skills each institution teaches, by group.
        var taught: [String: [String: Set<String>]] = [:]
        for course in catalog.courses {
            for skill in course.skills {
                let group = catalog.skill(skill.skill)?.group ?? ""
                taught[course.institution, default: [:]][group, default: []].insert(skill.skill)
            }
        }
        let institutions = catalog.institutions.sorted { $0.code < $1.code }
        return uncovered.map { entry in
            let need = entry.need
            let group = catalog.skill(need.skill)?.group ?? ""
            var regions = need.regions
            if regions.isEmpty, let demandRegion { regions.insert(demandRegion) }
            let areas = Set(regions.compactMap { catalog.region($0)?.areaCode })
            // 0: in a region of demand, 1: in the same larger area, 2: elsewhere.
            func distance(_ institution: Institution) -> Int {
                if regions.contains(institution.region) { return 0 }
                if let area = catalog.region(institution.region)?.areaCode, areas.contains(area) { return 1 }
                return 2
            }
            let ranked = institutions.map { institution in
                (
                    code: institution.code, score: taught[institution.code]?[group]?.count ?? 0,
                    distance: distance(institution)
                )
            }.sorted { ($1.score, $0.distance, $0.code) < ($0.score, $1.distance, $1.code) }
            var chosen = ranked.filter { $0.score > 0 }.prefix(3).map(\.code)
            if chosen.isEmpty { chosen = ranked.filter { $0.distance == 0 }.prefix(3).map(\.code) }
            if chosen.isEmpty { chosen = ranked.prefix(1).map(\.code) }
            return ModuleProposal(
                skill: need.skill, level: need.level, group: group, people: need.people,
                peoplePerYear: need.peoplePerYear, regions: need.regions.sorted(), reason: entry.reason,
                institutions: chosen)
        }
    }
}
