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
        for code in request.completed.sorted() where !completedCourses.contains(code) && !completedSkills.contains(code) {
            throw .unknownCompleted(code)
        }
        let all = catalog.courses.sorted { $0.code < $1.code }
        let order = try prerequisiteOrder(all, catalog: catalog)
        let index = Dictionary(all.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })

        // A prerequisite is satisfied when completed, or when every skill it teaches was completed.
        func satisfied(_ code: String) -> Bool {
            if completedCourses.contains(code) { return true }
            guard let course = catalog.course(code), !course.skills.isEmpty else { return false }
            return course.skills.allSatisfy { completedSkills.contains($0.skill) }
        }
        func passesFilters(_ course: Course) -> Bool {
            if let languages = request.languages, languages.isDisjoint(with: course.languages) { return false }
            if let deliveries = request.deliveries, !deliveries.contains(course.delivery) { return false }
            return true
        }
        var usable = [Bool](repeating: false, count: all.count)
        for i in order {
            let course = all[i]
            guard !completedCourses.contains(course.code), passesFilters(course) else { continue }
            usable[i] = course.prerequisites.allSatisfy { code in
                satisfied(code) || index[code].map { usable[$0] } == true
            }
        }

        var met: [MergedNeed] = []
        var open: [MergedNeed] = []
        var uncovered: [(need: MergedNeed, reason: UncoveredReason)] = []
        let completedList = completedCourses.sorted().compactMap { catalog.course($0) }
        for need in needs {
            let wanted = SkillLevel(need.skill, need.level)
            if completedSkills.contains(need.skill) || completedList.contains(where: { $0.covers(wanted) }) {
                met.append(need)
            } else if all.indices.contains(where: { usable[$0] && all[$0].covers(wanted) }) {
                open.append(need)
            } else {
                let anyCourse = all.contains { $0.covers(wanted) && !completedCourses.contains($0.code) }
                uncovered.append((need, anyCourse ? .excludedByFilters : .noCourse))
            }
        }

        let courses = all.indices.filter { usable[$0] }.map { all[$0] }
        let itemIndex = Dictionary(uniqueKeysWithValues: courses.enumerated().map { ($1.code, $0) })
        var credits: [Double] = []
        for course in courses {
            let value = catalog.baseCredits(course)
            guard value.isFinite, value >= 0 else { throw .invalidCredits(course: course.code, credits: value) }
            credits.append(value)
        }
        let scale = CreditScale.scale(for: credits)
        var needsBySkill: [String: [(level: Int, index: Int)]] = [:]
        for (k, need) in open.enumerated() { needsBySkill[need.skill, default: []].append((need.level, k)) }
        let covers = courses.map { course in
            Set(
                course.skills.flatMap { taught in
                    (needsBySkill[taught.skill] ?? []).filter { $0.level <= taught.level }.map(\.index)
                }
            ).sorted()
        }
        let prerequisites = courses.map { course in
            course.prerequisites.compactMap { itemIndex[$0] }.sorted()
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
            guard need.people >= 0 else { throw .invalidPeople(skill: need.skill, level: need.level, people: need.people) }
            let key = SkillLevel(need.skill, need.level)
            var entry = merged[key] ?? MergedNeed(skill: need.skill, level: need.level, people: 0, peoplePerYear: 0, regions: [])
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
