import Catalog

/// What each institution teaches (from its courses) and where, and which infrastructures support
/// which skills: the supply side that service concepts and consortia are matched against. Matching
/// is by skill group, never by one need's skill, so that no provider list reveals what a single
/// organisation asked for.
struct Expertise {
    private struct Teaching {
        var skills: Set<String> = []
        /// Skills taught by a course that is not an illustrative (invented) offering.
        var solid: Set<String> = []
        /// skill → regions of the courses teaching it.
        var regions: [String: Set<String>] = [:]
    }

    let catalog: Catalog
    private var teaching: [String: Teaching] = [:]
    private var skillsOfGroup: [String: Set<String>] = [:]
    private var regionRank: [String: Int] = [:]

    init(_ catalog: Catalog) {
        self.catalog = catalog
        for skill in catalog.skills { skillsOfGroup[skill.group, default: []].insert(skill.code) }
        for course in catalog.courses {
            var entry = teaching[course.institution] ?? Teaching()
            for taught in course.skills {
                entry.skills.insert(taught.skill)
                if !course.illustrative { entry.solid.insert(taught.skill) }
                entry.regions[taught.skill, default: []].insert(course.region)
            }
            teaching[course.institution] = entry
        }
        for (index, region) in catalog.regions.enumerated() where regionRank[region.code] == nil {
            regionRank[region.code] = index
        }
    }

    /// Every skill of the given groups.
    func skills(ofGroups groups: some Sequence<String>) -> Set<String> {
        groups.reduce(into: Set<String>()) { $0.formUnion(skillsOfGroup[$1] ?? []) }
    }

    /// The skills among `skills` that the institution teaches in some course.
    func taught(by institution: String, among skills: Set<String>) -> Set<String> {
        (teaching[institution]?.skills ?? []).intersection(skills)
    }

    /// True when every course teaching those skills is an illustrative (invented) offering.
    func onlyIllustrative(_ institution: String, _ skills: Set<String>) -> Bool {
        !skills.isEmpty && (teaching[institution]?.solid ?? []).isDisjoint(with: skills)
    }

    /// Where the institution teaches any of `skills` (course regions), plus its home region.
    func regions(of institution: Institution, teaching skills: Set<String>) -> Set<String> {
        var regions: Set<String> = [institution.region]
        for skill in skills { regions.formUnion(teaching[institution.code]?.regions[skill] ?? []) }
        return regions
    }

    /// Catalogue position of a region; unknown regions after every known one.
    func rank(ofRegion code: String) -> Int { regionRank[code] ?? Int.max }

    /// Regions in catalogue order, the catch-all region last.
    func sortedRegions(_ codes: some Sequence<String>) -> [String] {
        Set(codes).sorted { (rank(ofRegion: $0), $0) < (rank(ofRegion: $1), $1) }
    }

    /// 0: in `region`, 1: in the same larger area (maakunta), 2: elsewhere.
    func distance(from places: Set<String>, to region: String) -> Int {
        if places.contains(region) { return 0 }
        if let area = catalog.region(region)?.areaCode,
            places.contains(where: { catalog.region($0)?.areaCode == area })
        {
            return 1
        }
        return 2
    }
}
