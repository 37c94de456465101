/// The exact minimum-cost cover: reductions, a greedy cover, a strong LP relaxation that may prove
/// it optimal, seeds a better cover and fixes items by reduced cost, then CBC on what is left.
package enum ExactCover {
    /// Solves `problem` to proven optimality unless `timeLimit` seconds (wall time, reductions
    /// included) run out first; the status says which.
    package static func solve(_ problem: CoverProblem, timeLimit: Double) throws(PlannerError) -> CoverSolution {
        var clock = Stopwatch()
        var timings = CoverTimings()
        var reducer = try CoverReducer(problem, mode: .minimumCost)
        reducer.run()
        timings.reduce = clock.lap()
        let fixed = reducer.fixedItems
        let fixedCost = cost(fixed, problem)
        func result(_ items: [Int], bound: Int, _ status: CoverStatus, greedy: Int) -> CoverSolution {
            CoverSolution(
                items: items, cost: cost(items, problem), bound: bound, status: status, greedyCost: greedy,
                stats: reducer.stats, timings: timings)
        }
        guard !reducer.infeasible else { return result([], bound: 0, .infeasible, greedy: 0) }
        if reducer.liveNeedList.isEmpty {
            // The reductions decided everything: the fixed items are in every solution and suffice.
            return result(fixed, bound: fixedCost, .provenOptimal, greedy: fixedCost)
        }
        guard let greedy = GreedyCover.solve(reducer) else { return result([], bound: 0, .infeasible, greedy: 0) }
        var incumbent = (fixed + greedy).sorted()
        let greedyCost = cost(incumbent, problem)
        timings.greedy = clock.lap()

        // The strong LP relaxation: its bound may prove the incumbent optimal, its values seed better
        // covers, and its reduced costs remove most items before the branch-and-bound.
        var bound = fixedCost
        guard clock.elapsed < timeLimit else {
            return result(incumbent, bound: bound, .greedyFallback(.timeLimitBeforeSolver), greedy: greedyCost)
        }
        let columns = reducer.aliveItems
        if let lp = try CbcSolver.relax(
            CoverModel.extended(reducer: reducer, columns: columns), seconds: timeLimit - clock.elapsed)
        {
            bound = fixedCost + Int((lp.objective - 1e-6).rounded(.up))
            var best = greedy
            for threshold in [0.5, 0.999, 0.3] {
                let seed = zip(columns, lp.values).filter { $0.1 > threshold }.map(\.0)
                if let guided = GreedyCover.solve(reducer, seed: seed), cost(guided, problem) < cost(best, problem) {
                    best = guided
                }
            }
            if cost(best, problem) + fixedCost > bound {
                best = GreedyCover.improve(best, reducer)
            }
            incumbent = (fixed + best).sorted()
            if bound >= cost(incumbent, problem) {
                timings.lp = clock.lap()
                return result(incumbent, bound: bound, .provenOptimal, greedy: greedyCost)
            }
            let fixing = ReducedCostFixing.fixes(
                columns: columns, lp: lp, upperBound: cost(incumbent, problem) - fixedCost)
            reducer.exclude(fixing.excluded)
            reducer.include(fixing.included)
            reducer.run()
        }
        timings.lp = clock.lap()
        let incumbentCost = cost(incumbent, problem)
        if reducer.liveNeedList.isEmpty {
            // Fixing decided everything: only the fixed items (or the incumbent, if no cheaper) remain.
            let fixedNow = reducer.fixedItems
            let best = cost(fixedNow, problem) <= incumbentCost ? fixedNow : incumbent
            return result(best, bound: cost(best, problem), .provenOptimal, greedy: greedyCost)
        }
        let remaining = timeLimit - clock.elapsed
        guard remaining > 0 else {
            return result(incumbent, bound: bound, .greedyFallback(.timeLimitBeforeSolver), greedy: greedyCost)
        }

        // The incumbent is the MIP start unless a tie rule removed one of its items; then a greedy
        // seeded with what is left of it stands in.
        let fixedNow = reducer.fixedItems
        let rest = reducer.aliveItems
        let inIncumbent = Set(incumbent)
        var startItems = Set(rest.filter(inIncumbent.contains))
        if !incumbent.allSatisfy({ reducer.alive[$0] || reducer.fixed[$0] }),
            let repaired = GreedyCover.solve(reducer, seed: rest.filter(inIncumbent.contains))
        {
            startItems = Set(repaired)
        }
        let model = CoverModel.extended(reducer: reducer, columns: rest)
        let start = CoverModel.extendedStart(reducer: reducer, columns: rest, chosen: startItems)
        // A start within 1% of the LP bound: branching alone closes the gap fastest (see below).
        let nearBound = Double(cost(incumbent, problem) - bound) <= 0.01 * Double(max(bound, 1))
        let mip = try CbcSolver.solve(
            model, start: start, seconds: remaining, options: nearBound ? phaseOneOptions : [])
        timings.solver = clock.lap()

        // Costs are integers, so the optimum is too: a bound within 1e-6 of an integer rounds up.
        let fixedNowCost = cost(fixedNow, problem)
        let solverBound = mip.bound.isFinite ? fixedNowCost + Int((mip.bound - 1e-6).rounded(.up)) : bound
        bound = max(bound, solverBound)
        let reason: StopReason = mip.hitTimeLimit ? .timeLimit : .solverAbandoned
        guard let values = mip.solution else {
            return result(incumbent, bound: min(bound, incumbentCost), .greedyFallback(reason), greedy: greedyCost)
        }
        let found = (fixedNow + rest.indices.filter { values[$0] > 0.5 }.map { rest[$0] }).sorted()
        guard problem.isSolution(found) else {
            throw .solverFailed("its cover of \(problem.needCount) needs is incomplete or misses prerequisites")
        }
        let best = cost(found, problem) <= incumbentCost ? found : incumbent
        let bestCost = cost(best, problem)
        if mip.provenOptimal || bound >= bestCost {
            return result(best, bound: bestCost, .provenOptimal, greedy: greedyCost)
        }
        let status: CoverStatus = best == incumbent ? .greedyFallback(reason) : .feasible(reason)
        return result(best, bound: min(bound, bestCost), status, greedy: greedyCost)
    }

    /// CBC's settings for what is left after fixing when the start is within 1% of the LP bound.
    /// The extended LP is then so close that CBC's root cut loop and primal heuristics cost more
    /// than they save; plain branching closes the gap (on the 5,000 × 150 references: 0.07 s of CPU
    /// instead of 0.4 s).
    static let phaseOneOptions = [("cuts", "off"), ("heuristicsOnOff", "off")]

    private static func cost(_ items: [Int], _ problem: CoverProblem) -> Int {
        items.reduce(0) { $0 + problem.costs[$1] }
    }
}

extension CoverProblem {
    /// Does `items` cover every need and contain every chosen item's prerequisites?
    package func isSolution(_ items: [Int]) -> Bool {
        let chosen = Set(items)
        guard chosen.allSatisfy({ $0 >= 0 && $0 < itemCount }) else { return false }
        for item in chosen where !prerequisites[item].allSatisfy(chosen.contains) { return false }
        var covered = [Bool](repeating: false, count: needCount)
        for item in chosen {
            for need in covers[item] { covered[need] = true }
        }
        return covered.allSatisfy { $0 }
    }
}
