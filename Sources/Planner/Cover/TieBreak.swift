/// Per-item criteria that break ties among minimum-cost covers, in this order of importance.
package struct TieBreakCriteria: Sendable, Hashable {
    /// Cost outside the region of demand (0 inside it, for online items, or without a region).
    package var outside: [Int]
    /// Institution index of each item: fewer distinct institutions is better.
    package var institution: [Int]
    /// 1 when the item's delivery mode is not one the respondents preferred, else 0.
    package var unpreferred: [Int]

    package init(outside: [Int], institution: [Int], unpreferred: [Int]) {
        self.outside = outside
        self.institution = institution
        self.unpreferred = unpreferred
    }
}

/// The second phase: among covers of the proven minimum cost, the best by `TieBreakCriteria`.
///
/// It is a separate solve with the cost capped at the optimum (row `Σ cost·x ≤ optimum`), so the
/// first phase is neither slowed nor put at risk. It starts like the first phase, with rules that
/// keep every optimal cover: the strict reductions, then reduced-cost fixing against the optimum
/// (an item fixed out appears in no cover of optimal cost). Within it the three criteria are one
/// objective `A·outside + B·institutions + unpreferred` with `B = Dmax + 1` and `A = B·(Imax + 1)`,
/// where `Dmax` and `Imax` are the largest possible values of the last two terms. The scaling is
/// exact: all terms are non-negative integers, so one unit less of `outside` saves `A`, more than
/// `B·Imax + Dmax`, the most the lower criteria can add; likewise one institution less saves
/// `B > Dmax`. When `A` times the largest `outside` would leave the range where CBC compares
/// integers safely (1e9), the lowest criteria are dropped, most specific first.
enum TieBreak {
    struct Result {
        var items: [Int]
        var status: TieBreakStatus
    }

    static func apply(
        _ problem: CoverProblem, criteria: TieBreakCriteria, solution: CoverSolution, timeLimit: Double
    ) throws(PlannerError) -> Result {
        let clock = Stopwatch()
        let unchanged = solution.items
        guard solution.status == .provenOptimal else {
            return Result(items: unchanged, status: .skipped("the minimum credits are not proven"))
        }
        var reducer = try CoverReducer(problem, mode: .lexicographic)
        reducer.run()
        func keepsCover() -> Bool {
            !reducer.infeasible && unchanged.allSatisfy { reducer.alive[$0] || reducer.fixed[$0] }
        }
        guard keepsCover() else {
            return Result(items: unchanged, status: .skipped("the reductions disagree with the cover"))
        }
        if !reducer.liveNeedList.isEmpty,
            let lp = try CbcSolver.relax(
                CoverModel.extended(reducer: reducer, columns: reducer.aliveItems), seconds: timeLimit)
        {
            let fixedCost = reducer.fixedItems.reduce(0) { $0 + problem.costs[$1] }
            let fixing = ReducedCostFixing.fixes(
                columns: reducer.aliveItems, lp: lp, upperBound: solution.cost - fixedCost)
            reducer.exclude(fixing.excluded)
            reducer.include(fixing.included)
            reducer.run()
            guard keepsCover() else {
                return Result(items: unchanged, status: .skipped("reduced-cost fixing disagrees with the cover"))
            }
        }
        let fixed = reducer.fixedItems
        let columns = reducer.aliveItems
        let fixedInstitutions = Set(fixed.map { criteria.institution[$0] })
        let free = Set(columns.map { criteria.institution[$0] }).subtracting(fixedInstitutions).sorted()
        var maxUnpreferred = columns.reduce(0) { $0 + criteria.unpreferred[$1] }
        var maxInstitutions = free.count
        let maxOutside = columns.reduce(0) { $0 + criteria.outside[$1] }
        if reducer.liveNeedList.isEmpty || (maxOutside == 0 && maxInstitutions == 0 && maxUnpreferred == 0) {
            // Nothing left to choose, or every remaining choice is equally good: the cover is already best.
            let items = reducer.liveNeedList.isEmpty ? fixed : unchanged
            let best = items.reduce(0) { $0 + problem.costs[$1] } == solution.cost ? items : unchanged
            return Result(items: best, status: .proven)
        }
        var unpreferredWeight = 1
        var institutionWeight = maxUnpreferred + 1
        var outsideWeight = institutionWeight * (maxInstitutions + 1)
        let safe = 1e9
        if Double(outsideWeight) * Double(maxOutside) + Double(institutionWeight * maxInstitutions) > safe {
            unpreferredWeight = 0
            maxUnpreferred = 0
            institutionWeight = 1
            outsideWeight = maxInstitutions + 1
            if Double(outsideWeight) * Double(maxOutside) > safe {
                institutionWeight = 0
                maxInstitutions = 0
                outsideWeight = 1
            }
        }

        var model = CoverModel.extended(reducer: reducer, columns: columns) { item in
            Double(outsideWeight * criteria.outside[item] + unpreferredWeight * criteria.unpreferred[item])
        }
        let fixedCost = fixed.reduce(0) { $0 + problem.costs[$1] }
        model.addRow(
            columns.indices.map { (column: $0, coefficient: Double(problem.costs[columns[$0]])) }, .lessOrEqual,
            Double(solution.cost - fixedCost))
        var institutionColumn: [Int: Int] = [:]
        if institutionWeight > 0 {
            for institution in free {
                institutionColumn[institution] = model.addColumn(cost: Double(institutionWeight))
            }
            for (k, item) in columns.enumerated() {
                if let y = institutionColumn[criteria.institution[item]] {
                    model.addRow([(k, 1), (y, -1)], .lessOrEqual, 0)
                }
            }
            addInstitutionAssignmentRows(
                &model, reducer: reducer, columns: columns, criteria: criteria, institutionColumn: institutionColumn)
        }

        let chosen = Set(unchanged)
        var start = CoverModel.extendedStart(reducer: reducer, columns: columns, chosen: chosen)
        let usedInstitutions = Set(unchanged.map { criteria.institution[$0] })
        for institution in free where institutionColumn[institution] != nil {
            start.append(usedInstitutions.contains(institution) ? 1 : 0)
        }
        let result = try CbcSolver.solve(
            model, start: start, seconds: max(timeLimit - clock.elapsed, 0.001), options: options)
        let reason: StopReason = result.hitTimeLimit ? .timeLimit : .solverAbandoned
        guard let values = result.solution else {
            return Result(items: unchanged, status: .bestFound(reason))
        }
        let items = (fixed + columns.indices.filter { values[$0] > 0.5 }.map { columns[$0] }).sorted()
        let cost = items.reduce(0) { $0 + problem.costs[$1] }
        guard problem.isSolution(items), cost == solution.cost else {
            return Result(items: unchanged, status: .bestFound(.solverAbandoned))
        }
        let bound = result.bound.isFinite ? (result.bound - 1e-6).rounded(.up) : -Double.infinity
        let proven = result.provenOptimal || bound >= result.objective - 1e-6
        return Result(items: items, status: proven ? .proven : .bestFound(reason))
    }

    /// CBC's preprocessing spends more on this model than it saves (5,000 × 150 references: 0.5 s
    /// of CPU less without it).
    static let options = [("preprocess", "off")]

    /// Lifts the institution rows like the extended model lifts the cover rows: whichever coverer a
    /// need is assigned to, every institution teaching an item of its closure is used, so for need n
    /// and institution k, `Σ z(n, i) ≤ y_k` over the coverers i whose closure holds an item of k.
    /// Valid for the same reason as the extended rows (z sums to 1 per need); it lifts the LP bound
    /// on the number of institutions where `x_i ≤ y_k` alone lets fractions share an institution.
    private static func addInstitutionAssignmentRows(
        _ model: inout MIPModel, reducer: CoverReducer, columns: [Int], criteria: TieBreakCriteria,
        institutionColumn: [Int: Int]
    ) {
        // The assignment columns follow the item columns need by need, coverers in order.
        var next = columns.count
        for need in reducer.liveNeedList {
            let coverers = reducer.coverers[need].filter { reducer.alive[$0] }
            var byInstitution: [Int: [Int]] = [:]
            for (offset, i) in coverers.enumerated() {
                let institutions = Set(
                    (reducer.closure[i] + [i]).filter { reducer.alive[$0] }.map { criteria.institution[$0] })
                for k in institutions where institutionColumn[k] != nil {
                    byInstitution[k, default: []].append(next + offset)
                }
            }
            for k in byInstitution.keys.sorted() {
                guard let y = institutionColumn[k], let assigned = byInstitution[k], assigned.count > 1 else {
                    continue
                }
                model.addRow([(y, -1)] + assigned.map { (column: $0, coefficient: 1.0) }, .lessOrEqual, 0)
            }
            next += coverers.count
        }
    }
}
