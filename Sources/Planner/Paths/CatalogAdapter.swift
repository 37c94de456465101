import Catalog

/// A need after merging duplicates of the same (skill, level).
struct MergedNeed {
    var skill: String
    var level: Int
    var people: Int
    var peoplePerYear: Double
    var regions: Set<String>

    var planNeed: PlanNeed {
        PlanNeed(
            skill: skill, level: level, people: people, peoplePerYear: peoplePerYear,
            region: regions.count == 1 ? regions.first : nil)
    }
}

/// The catalogue and a request turned into the numeric core's problem: which courses can be used,
/// which needs are already met or cannot be met, and integer costs.
struct PlanInput {
    /// Usable courses, by code: the core's items.
    var courses: [Course]
    var credits: [Double]
    /// Needs the core must cover, by (skill, level): the core's needs.
    var needs: [MergedNeed]
    var alreadyMet: [MergedNeed]
    var uncovered: [(need: MergedNeed, reason: UncoveredReason)]
    var problem: CoverProblem
    /// Credits × scale = the core's integer costs.
    var scale: Double
}

enum CatalogAdapter {
    static func prepare(_ request: PathRequest, catalog: Catalog) throws(PlannerError) -> PlanInput {
        let needs = try merge(request.needs, catalog: catalog)
        let completedCourses = Set(request.completed.filter { catalog.course($0) != nil })
        let completedSkills = Set(request.completed.filter { catalog.skill($0) != nil })
        for code in request.completed.sorted() where !completedCourses.contains(code) && !completedSkills.contains(code)
        {
            throw .unknownCompleted(code)
        }
        let all = catalog.courses.sorted { $0.code < $1.code }
        let order = try prerequisiteOrder(all, catalog: catalog)
        let index = Dictionary(all.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        // Plain arrays of what the loops below read: a `Course` copy costs a dozen reference counts.
        let taught = all.map(\.skills)
        let completedIndex = Set(completedCourses.compactMap { index[$0] })

        // A prerequisite is satisfied when completed, or when every skill it teaches was completed.
        let satisfied = all.indices.map { i in
            completedIndex.contains(i)
                || (!taught[i].isEmpty && taught[i].allSatisfy { completedSkills.contains($0.skill) })
        }
        var usable = [Bool](repeating: false, count: all.count)
        for i in order where !completedIndex.contains(i) {
            if let languages = request.languages, languages.isDisjoint(with: all[i].languages) { continue }
            if let deliveries = request.deliveries, !deliveries.contains(all[i].delivery) { continue }
            usable[i] = all[i].prerequisites.allSatisfy { code in
                index[code].map { satisfied[$0] || usable[$0] } ?? false
            }
        }

        // The courses teaching each skill, with the level they bring a learner to.
        var teaching: [String: [(course: Int, level: Int)]] = [:]
        for i in all.indices {
            for skill in taught[i] { teaching[skill.skill, default: []].append((i, skill.level)) }
        }
        var met: [MergedNeed] = []
        var open: [MergedNeed] = []
        var uncovered: [(need: MergedNeed, reason: UncoveredReason)] = []
        for need in needs {
            let coverers = (teaching[need.skill] ?? []).filter { $0.level >= need.level }.map(\.course)
            if completedSkills.contains(need.skill) || coverers.contains(where: completedIndex.contains) {
                met.append(need)
            } else if coverers.contains(where: { usable[$0] }) {
                open.append(need)
            } else {
                uncovered.append((need, coverers.isEmpty ? .noCourse : .excludedByFilters))
            }
        }

        let items = all.indices.filter { usable[$0] }
        let courses = items.map { all[$0] }
        var itemIndex = [Int](repeating: -1, count: all.count)
        for (k, i) in items.enumerated() { itemIndex[i] = k }
        var credits: [Double] = []
        for i in items {
            let value = catalog.baseCredits(all[i])
            guard value.isFinite, value >= 0 else { throw .invalidCredits(course: all[i].code, credits: value) }
            credits.append(value)
        }
        let scale = CreditScale.scale(for: credits)
        var covers = [[Int]](repeating: [], count: items.count)
        for (k, need) in open.enumerated() {
            for entry in teaching[need.skill] ?? [] where entry.level >= need.level && itemIndex[entry.course] >= 0 {
                covers[itemIndex[entry.course]].append(k)
            }
        }
        covers = covers.map { Set($0).sorted() }
        // Satisfied prerequisites (completed, or all their skills completed) are no longer required.
        let prerequisites = items.map { i in
            all[i].prerequisites.compactMap { index[$0] }.filter { !satisfied[$0] }.map { itemIndex[$0] }
                .filter { $0 >= 0 }.sorted()
        }
        let problem = CoverProblem(
            costs: credits.map { CreditScale.integer($0, scale: scale) }, covers: covers,
            prerequisites: prerequisites, needCount: open.count, names: courses.map(\.code))
        return PlanInput(
            courses: courses, credits: credits, needs: open, alreadyMet: met, uncovered: uncovered, problem: problem,
            scale: scale)
    }

    /// Duplicates of one (skill, level) merged, in (skill, level) order.
    private static func merge(_ needs: [PlanNeed], catalog: Catalog) throws(PlannerError) -> [MergedNeed] {
        var merged: [SkillLevel: MergedNeed] = [:]
        for need in needs {
            guard catalog.skill(need.skill) != nil else { throw .unknownSkill(need.skill) }
            guard need.people >= 0 else {
                throw .invalidPeople(skill: need.skill, level: need.level, people: need.people)
            }
            let key = SkillLevel(need.skill, need.level)
            var entry =
                merged[key]
                ?? MergedNeed(skill: need.skill, level: need.level, people: 0, peoplePerYear: 0, regions: [])
            entry.people += need.people
            entry.peoplePerYear += need.peoplePerYear
            if let region = need.region { entry.regions.insert(region) }
            merged[key] = entry
        }
        return merged.keys.sorted().compactMap { merged[$0] }
    }

    /// Course indices, prerequisites first; unknown prerequisites and cycles are errors.
    private static func prerequisiteOrder(_ all: [Course], catalog: Catalog) throws(PlannerError) -> [Int] {
        let index = Dictionary(all.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
        var edges: [[Int]] = []
        for course in all {
            var list: [Int] = []
            for code in course.prerequisites {
                guard let p = index[code] else { throw .unknownPrerequisite(course: course.code, prerequisite: code) }
                if p != index[course.code] { list.append(p) } else { throw .prerequisiteCycle([course.code]) }
            }
            edges.append(list)
        }
        return try CoverProblem.topologicalOrder(edges, names: all.map(\.code))
    }
}

/// Credits as integers: the smallest power of ten (up to 1000) that makes every value whole.
/// Beyond that the values are rounded at a thousandth of a credit, far below any real difference.
enum CreditScale {
    static func scale(for credits: [Double]) -> Double {
        for scale in [1.0, 10, 100] where credits.allSatisfy({ isWhole($0 * scale) }) {
            return scale
        }
        return 1000
    }

    static func integer(_ credits: Double, scale: Double) -> Int {
        Int((credits * scale).rounded())
    }

    private static func isWhole(_ value: Double) -> Bool {
        abs(value - value.rounded()) < 1e-6
    }
}
