import Catalog

/// Places per year against the people per year who need each chosen course.
///
/// Each need is served by one chosen course covering it (one in the region of demand first, then by
/// code); a prerequisite serves at least as many people as the busiest course requiring it (the
/// same people may take several courses, so the maximum, not the sum, is the safe lower estimate).
enum CapacityCheck {
    static func warnings(
        chosen: [Course], needs: [MergedNeed], demandRegion: String?
    ) -> [CapacityWarning] {
        guard !chosen.isEmpty else { return [] }
        let sorted = chosen.sorted { $0.code < $1.code }
        var demand = [Double](repeating: 0, count: sorted.count)
        func local(_ course: Course) -> Bool {
            demandRegion == nil || course.region == demandRegion || course.delivery == .online
        }
        for need in needs {
            let wanted = SkillLevel(need.skill, need.level)
            let coverers = sorted.indices.filter { sorted[$0].covers(wanted) }
            guard let serving = coverers.first(where: { local(sorted[$0]) }) ?? coverers.first else { continue }
            demand[serving] += need.peoplePerYear
        }
        let index = Dictionary(sorted.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        let prerequisites = sorted.map { $0.prerequisites.compactMap { index[$0] } }
        // Dependents before their prerequisites: descending height order works for a DAG.
        let height = TermScheduler.heights(prerequisites)
        for i in sorted.indices.sorted(by: { height[$0] < height[$1] }) {
            for p in prerequisites[i] { demand[p] = max(demand[p], demand[i]) }
        }
        return sorted.indices.compactMap { i in
            guard Double(sorted[i].capacity) < demand[i] - 1e-9 else { return nil }
            return CapacityWarning(course: sorted[i].code, capacity: sorted[i].capacity, peoplePerYear: demand[i])
        }
    }
}
