import Foundation

/// The exact minimum-cost cover: reductions, a greedy MIP start, then CBC on what is left.
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
        let fixedCost = fixed.reduce(0) { $0 + problem.costs[$1] }
        guard !reducer.infeasible else {
            return CoverSolution(
                items: [], cost: 0, bound: 0, status: .infeasible, greedyCost: 0, stats: reducer.stats,
                timings: timings)
        }
        let live = reducer.liveNeedList
        if live.isEmpty {
            // The reductions decided everything: the fixed items are in every solution and suffice.
            return CoverSolution(
                items: fixed, cost: fixedCost, bound: fixedCost, status: .provenOptimal, greedyCost: fixedCost,
                stats: reducer.stats, timings: timings)
        }
        guard let greedy = GreedyCover.solve(reducer) else {
            return CoverSolution(
                items: [], cost: 0, bound: 0, status: .infeasible, greedyCost: 0, stats: reducer.stats,
                timings: timings)
        }
        timings.greedy = clock.lap()
        let greedyItems = (fixed + greedy).sorted()
        let greedyCost = fixedCost + greedy.reduce(0) { $0 + problem.costs[$1] }
        func fallback(_ reason: StopReason, bound: Int) -> CoverSolution {
            CoverSolution(
                items: greedyItems, cost: greedyCost, bound: min(bound, greedyCost), status: .greedyFallback(reason),
                greedyCost: greedyCost, stats: reducer.stats, timings: timings)
        }
        let remaining = timeLimit - clock.elapsed
        guard remaining > 0 else { return fallback(.timeLimitBeforeSolver, bound: fixedCost) }

        let columns = reducer.aliveItems
        let model = CoverModel.build(reducer: reducer, columns: columns, liveNeeds: live)
        let inStart = Set(greedy)
        let start = columns.map { inStart.contains($0) ? 1.0 : 0.0 }
        let result = CbcSolver.solve(model, start: start, seconds: remaining)
        timings.solver = clock.lap()

        // Costs are integers, so the optimum is too: a bound within 1e-6 of an integer rounds up.
        let solverBound = result.bound.isFinite ? Int((result.bound - 1e-6).rounded(.up)) : 0
        let bound = fixedCost + max(solverBound, 0)
        let reason: StopReason = result.hitTimeLimit ? .timeLimit : .solverAbandoned
        guard let values = result.solution else { return fallback(reason, bound: bound) }
        let chosen = zip(columns, values).filter { $0.1 > 0.5 }.map(\.0)
        let items = (fixed + chosen).sorted()
        let cost = items.reduce(0) { $0 + problem.costs[$1] }
        guard problem.isSolution(items) else {
            throw .solverFailed("its cover of \(problem.needCount) needs is incomplete or misses prerequisites")
        }
        if result.provenOptimal || bound >= cost {
            return CoverSolution(
                items: items, cost: cost, bound: cost, status: .provenOptimal, greedyCost: greedyCost,
                stats: reducer.stats, timings: timings)
        }
        if items == greedyItems { return fallback(reason, bound: bound) }
        return CoverSolution(
            items: items, cost: cost, bound: min(bound, cost), status: .feasible(reason), greedyCost: greedyCost,
            stats: reducer.stats, timings: timings)
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

/// The set-cover MIP over the items the reductions left: one column per alive item, one
/// covering row per live need, one row `x_i ≤ x_p` per prerequisite edge, in index order.
enum CoverModel {
    static func build(reducer: CoverReducer, columns: [Int], liveNeeds: [Int]) -> MIPModel {
        var model = MIPModel()
        var column = [Int](repeating: -1, count: reducer.problem.itemCount)
        for item in columns {
            column[item] = model.addColumn(cost: Double(reducer.problem.costs[item]))
        }
        for need in liveNeeds {
            let terms = reducer.coverers[need].filter { column[$0] >= 0 }.map { (column: column[$0], coefficient: 1.0) }
            model.addRow(terms, .greaterOrEqual, 1)
        }
        for item in columns {
            for p in Set(reducer.problem.prerequisites[item]).sorted() where column[p] >= 0 {
                model.addRow([(column[item], 1), (column[p], -1)], .lessOrEqual, 0)
            }
        }
        return model
    }
}
