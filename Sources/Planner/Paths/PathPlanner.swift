import Catalog

/// `osaava plan paths`: the minimum-credit set of courses covering every needed (skill, level),
/// with all prerequisites, solved exactly; ties broken towards the region of demand, then fewer
/// institutions, then preferred delivery modes; ordered into terms; uncovered needs proposed as new
/// modules.
package enum PathPlanner {
    package static func plan(_ request: PathRequest, catalog: Catalog) throws(PlannerError) -> PathPlan {
        var clock = Stopwatch()
        guard request.timeLimit > 0, request.timeLimit.isFinite else { throw .invalidTimeLimit(request.timeLimit) }
        let cap = request.termCredits ?? catalog.settings.termCredits
        guard cap > 0, cap.isFinite else { throw .invalidTermCredits(cap) }
        if let budget = request.maxCredits, !(budget > 0) || !budget.isFinite { throw .invalidMaxCredits(budget) }

        var timings = PlanTimings()
        let input = try CatalogAdapter.prepare(request, catalog: catalog)
        timings.prepare = clock.lap()
        let problem = input.problem

        var chosen: [Int] = []
        var status = PlanStatus.provenOptimal
        var tieBreak = TieBreakStatus.skipped("nothing to cover")
        var greedyCredits: Double?
        var reduction = ReductionStats()
        var outsideBudget: [PlanNeed] = []
        if problem.needCount > 0 {
            let cover = try ExactCover.solve(problem, timeLimit: request.timeLimit)
            timings.reduce = cover.timings.reduce
            timings.greedy = cover.timings.greedy
            timings.lp = cover.timings.lp
            timings.solver = cover.timings.solver
            _ = clock.lap()
            reduction = cover.stats
            greedyCredits = Double(cover.greedyCost) / input.scale
            guard cover.status != .infeasible else {
                throw .solverFailed("a need that some course covers was found uncoverable")
            }
            let gap = Double(cover.cost - cover.bound) / input.scale
            let budget = request.maxCredits.map { Int(($0 * input.scale + 1e-9).rounded(.down)) }
            if let budget, cover.cost > budget {
                let remaining = max(request.timeLimit - clock.elapsed, 0.01)
                let limited = try BudgetCoverage.solve(
                    problem, weights: input.needs.map(\.people), budget: budget, timeLimit: remaining)
                chosen = limited.items
                status = .budgetLimitedCoverage(
                    coveredPeople: limited.coveredWeight, totalPeople: limited.totalWeight,
                    budget: request.maxCredits ?? 0, provenOptimal: limited.provenOptimal)
                let covered = Set(limited.coveredNeeds)
                outsideBudget = input.needs.indices.filter { !covered.contains($0) }.map { input.needs[$0].planNeed }
                tieBreak = .skipped("budget-limited coverage")
                timings.budget = clock.lap()
            } else {
                switch cover.status {
                case .provenOptimal: status = .provenOptimal
                case .feasible(let reason): status = .feasible(gap: gap, reason: reason)
                case .greedyFallback(let reason): status = .greedyFallback(gap: gap, reason: reason)
                case .infeasible: break
                }
                let remaining = request.timeLimit - clock.elapsed
                if remaining > 0 {
                    let criteria = tieBreakCriteria(input, request: request)
                    let result = try TieBreak.apply(problem, criteria: criteria, solution: cover, timeLimit: remaining)
                    chosen = result.items
                    tieBreak = result.status
                } else {
                    chosen = cover.items
                    tieBreak = .skipped("the time limit was used up by the minimum-credit solve")
                }
                timings.tieBreak = clock.lap()
            }
        }

        let courses = chosen.map { input.courses[$0] }
        let credits = chosen.map { input.credits[$0] }
        let unit =
            catalog.settings.creditUnit(catalog.settings.baseCreditUnit)?.name("en") ?? catalog.settings.baseCreditUnit
        for (course, value) in zip(courses, credits) where value > cap + 1e-9 {
            throw .courseLargerThanTerm(course: course.code, credits: value, cap: cap, unit: unit)
        }
        let position = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1, $0) })
        let schedule = TermScheduler.schedule(
            credits: chosen.map { problem.costs[$0] },
            prerequisites: chosen.map { problem.prerequisites[$0].compactMap { position[$0] } },
            cap: Int((cap * input.scale + 1e-9).rounded(.down)))
        let terms = schedule.terms.map { term in term.map { courses[$0].code }.sorted() }
        timings.terms = clock.lap()

        let proposals = ModuleProposals.propose(input.uncovered, demandRegion: request.demandRegion, catalog: catalog)
        let warnings = CapacityCheck.warnings(chosen: courses, needs: input.needs, demandRegion: request.demandRegion)
        timings.proposals = clock.lap()
        timings.total = clock.elapsed

        let outside = zip(courses, credits).filter { !isLocal($0.0, request.demandRegion) }.reduce(0) { $0 + $1.1 }
        return PathPlan(
            kind: request.kind, courses: terms.flatMap { $0 }, terms: terms,
            totalCredits: Double(chosen.reduce(0) { $0 + problem.costs[$1] }) / input.scale, creditUnit: unit,
            status: status, tieBreak: tieBreak, creditsOutsideRegion: outside,
            institutionCount: Set(courses.map(\.institution)).count, greedyCredits: greedyCredits,
            alreadyMet: input.alreadyMet.map(\.planNeed), outsideBudget: outsideBudget, proposals: proposals,
            lowerBoundTerms: schedule.lowerBound, termsMinimal: schedule.minimal, termCredits: cap,
            capacityWarnings: warnings, timings: timings, reduction: reduction)
    }

    /// Online courses serve every region; without a region of demand every course is local.
    static func isLocal(_ course: Course, _ region: String?) -> Bool {
        guard let region else { return true }
        return course.delivery == .online || course.region == region
    }

    private static func tieBreakCriteria(_ input: PlanInput, request: PathRequest) -> TieBreakCriteria {
        let institutions = Set(input.courses.map(\.institution)).sorted()
        let institutionIndex = Dictionary(uniqueKeysWithValues: institutions.enumerated().map { ($1, $0) })
        return TieBreakCriteria(
            outside: input.courses.indices.map { i in
                isLocal(input.courses[i], request.demandRegion) ? 0 : input.problem.costs[i]
            },
            institution: input.courses.map { institutionIndex[$0.institution] ?? 0 },
            unpreferred: input.courses.map { course in
                request.preferredDeliveries.isEmpty || request.preferredDeliveries.contains(course.delivery) ? 0 : 1
            })
    }
}
