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
/// It is a separate solve with the cost fixed to the optimum (row `Σ cost·x ≤ optimum`), so the first
/// phase is neither slowed nor put at risk. Within it the three criteria are one objective
/// `A·outside + B·institutions + unpreferred` with `B = Dmax + 1` and `A = B·(Imax + 1)`, where `Dmax`
/// and `Imax` are the largest possible values of the last two terms. The scaling is exact: all terms
/// are non-negative integers, so one unit less of `outside` saves `A`, more than `B·Imax + Dmax`, the
/// most the lower criteria can add; likewise one institution less saves `B > Dmax`. When `A` times
/// the largest `outside` would leave the range where CBC compares integers safely (1e9), the lowest
/// criteria are dropped, most specific first.
enum TieBreak {
    struct Result {
        var items: [Int]
        var status: TieBreakStatus
    }

    static func apply(
        _ problem: CoverProblem, criteria: TieBreakCriteria, solution: CoverSolution, timeLimit: Double
    ) throws(PlannerError) -> Result {
        let unchanged = solution.items
        guard solution.status == .provenOptimal else {
            return Result(items: unchanged, status: .skipped("the minimum credits are not proven"))
        }
        var reducer = try CoverReducer(problem, mode: .lexicographic)
        reducer.run()
        let fixed = reducer.fixedItems
        let columns = reducer.aliveItems
        let isFixed = Set(fixed)
        let isColumn = Set(columns)
        guard !reducer.infeasible, unchanged.allSatisfy({ isFixed.contains($0) || isColumn.contains($0) }) else {
            return Result(items: unchanged, status: .skipped("the reductions disagree with the cover"))
        }
        let fixedInstitutions = Set(fixed.map { criteria.institution[$0] })
        let free = Set(columns.map { criteria.institution[$0] }).subtracting(fixedInstitutions).sorted()
        var maxUnpreferred = columns.reduce(0) { $0 + criteria.unpreferred[$1] }
        var maxInstitutions = free.count
        let maxOutside = columns.reduce(0) { $0 + criteria.outside[$1] }
        if maxOutside == 0 && maxInstitutions == 0 && maxUnpreferred == 0 {
            return Result(items: unchanged, status: .proven)
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

        var model = MIPModel()
        var column = [Int](repeating: -1, count: problem.itemCount)
        for item in columns {
            let cost = outsideWeight * criteria.outside[item] + unpreferredWeight * criteria.unpreferred[item]
            column[item] = model.addColumn(cost: Double(cost))
        }
        var institutionColumn: [Int: Int] = [:]
        if institutionWeight > 0 {
            for institution in free { institutionColumn[institution] = model.addColumn(cost: Double(institutionWeight)) }
        }
        for need in reducer.liveNeedList {
            let terms = reducer.coverers[need].filter { column[$0] >= 0 }.map { (column: column[$0], coefficient: 1.0) }
            model.addRow(terms, .greaterOrEqual, 1)
        }
        for item in columns {
            for p in Set(problem.prerequisites[item]).sorted() where column[p] >= 0 {
                model.addRow([(column[item], 1), (column[p], -1)], .lessOrEqual, 0)
            }
            if let y = institutionColumn[criteria.institution[item]] {
                model.addRow([(column[item], 1), (y, -1)], .lessOrEqual, 0)
            }
        }
        let fixedCost = fixed.reduce(0) { $0 + problem.costs[$1] }
        model.addRow(
            columns.map { (column: column[$0], coefficient: Double(problem.costs[$0])) }, .lessOrEqual,
            Double(solution.cost - fixedCost))

        let chosen = Set(unchanged)
        var start = columns.map { chosen.contains($0) ? 1.0 : 0.0 }
        let usedInstitutions = Set(unchanged.map { criteria.institution[$0] })
        for institution in free where institutionColumn[institution] != nil {
            start.append(usedInstitutions.contains(institution) ? 1 : 0)
        }
        let result = CbcSolver.solve(model, start: start, seconds: timeLimit)
        let reason: StopReason = result.hitTimeLimit ? .timeLimit : .solverAbandoned
        guard let values = result.solution else {
            return Result(items: unchanged, status: .bestFound(reason))
        }
        let items = (fixed + columns.filter { values[column[$0]] > 0.5 }).sorted()
        let cost = items.reduce(0) { $0 + problem.costs[$1] }
        guard problem.isSolution(items), cost == solution.cost else {
            return Result(items: unchanged, status: .bestFound(.solverAbandoned))
        }
        let bound = result.bound.isFinite ? (result.bound - 1e-6).rounded(.up) : -Double.infinity
        let proven = result.provenOptimal || bound >= result.objective - 1e-6
        return Result(items: items, status: proven ? .proven : .bestFound(reason))
    }
}
