import Catalog

/// Places per year against the people per year who need each chosen course.
///
/// Each need is served by one chosen course covering it (one in the region of demand first, then by
/// code); a prerequisite serves at least as many people as the busiest course requiring it (the
/// same people may take several courses, so the maximum, not the sum, is the safe lower estimate).
enum CapacityCheck {
    /// `chosen` are the chosen courses in code order.
    static func warnings(chosen: [Course], needs: [MergedNeed], demandRegion: String?) -> [CapacityWarning] {
        guard !chosen.isEmpty else { return [] }
        let local = chosen.map { PathPlanner.isLocal($0, demandRegion) }
        var teaching: [String: [(course: Int, level: Int)]] = [:]
        for (i, course) in chosen.enumerated() {
            for skill in course.skills { teaching[skill.skill, default: []].append((i, skill.level)) }
        }
        var demand = [Double](repeating: 0, count: chosen.count)
        for need in needs {
            let coverers = (teaching[need.skill] ?? []).filter { $0.level >= need.level }.map(\.course).sorted()
            guard let serving = coverers.first(where: { local[$0] }) ?? coverers.first else { continue }
            demand[serving] += need.peoplePerYear
        }
        let index = Dictionary(chosen.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let prerequisites = chosen.map { $0.prerequisites.compactMap { index[$0] } }
        // Courses that nothing requires have height 1, their prerequisites more: in ascending height
        // a course's demand is final before it is passed on.
        let height = TermScheduler.heights(prerequisites)
        for i in chosen.indices.sorted(by: { (height[$0], $0) < (height[$1], $1) }) {
            for p in prerequisites[i] { demand[p] = max(demand[p], demand[i]) }
        }
        return chosen.indices.compactMap { i in
            guard Double(chosen[i].capacity) < demand[i] - 1e-9 else { return nil }
            return CapacityWarning(course: chosen[i].code, capacity: chosen[i].capacity, peoplePerYear: demand[i])
        }
    }
}
