/// Budget-limited maximum weighted coverage with precedence: when the minimum cover costs more
/// than the budget, choose a prerequisite-closed set within the budget that covers the most weight
/// (people); then cover exactly those needs with the fewest credits.
package struct BudgetSolution: Sendable, Hashable {
    package var items: [Int]
    package var cost: Int
    /// Needs covered by `items`, ascending.
    package var coveredNeeds: [Int]
    package var coveredWeight: Int
    package var totalWeight: Int
    package var provenOptimal: Bool
}

package enum BudgetCoverage {
    /// The reductions of `CoverReducer` in budget mode, a greedy start, then the extended model with
    /// a budget row, maximising `Σ weight·y`. The needs it covers are then covered again by
    /// `ExactCover` at minimum cost, which can only lower the credits (the first set is one such
    /// cover). That second step is exact for the set of needs chosen, not over every set of equal
    /// weight: asking CBC for both at once (a scaled objective) made the 500-course references
    /// 50 times slower, as it must then prove the credits minimal among many equal-weight sets.
    package static func solve(
        _ problem: CoverProblem, weights: [Int], budget: Int, timeLimit: Double
    ) throws(PlannerError) -> BudgetSolution {
        guard weights.count == problem.needCount, weights.allSatisfy({ $0 >= 0 }), budget >= 0 else {
            throw .malformedProblem("\(weights.count) weights for \(problem.needCount) needs, budget \(budget)")
        }
        let clock = Stopwatch()
        var reducer = try CoverReducer(
            problem, mode: .budget(budget), needs: (0..<problem.needCount).filter { weights[$0] > 0 })
        reducer.run()
        let start = greedy(reducer, weights: weights, budget: budget)
        let greedy = solution(problem, start, weights: weights, proven: false)
        // Everything coverable within the budget is covered: no set covers more.
        let reachable = reducer.liveNeedList.reduce(0) { $0 + weights[$1] }
        guard greedy.coveredWeight < reachable else {
            return try cheapest(problem, greedy, weights: weights, proven: true, timeLimit: timeLimit - clock.elapsed)
        }

        let columns = reducer.aliveItems
        var model = CoverModel.extended(
            reducer: reducer, columns: columns, cost: { _ in 0 }, coverage: { Double(weights[$0]) })
        model.maximize = true
        model.addRow(
            columns.indices.map { (column: $0, coefficient: Double(problem.costs[columns[$0]])) }, .lessOrEqual,
            Double(budget))
        let values = CoverModel.extendedStart(reducer: reducer, columns: columns, chosen: Set(start), coverage: true)
        let result = try CbcSolver.solve(model, start: values, seconds: max(timeLimit - clock.elapsed, 0.001))
        guard let found = result.solution else { return greedy }
        let chosen = columns.indices.filter { found[$0] > 0.5 }.map { columns[$0] }
        let set = Set(chosen)
        let closed = chosen.allSatisfy { problem.prerequisites[$0].allSatisfy(set.contains) }
        let bound = (result.bound + 1e-6).rounded(.down)
        let candidate = solution(
            problem, chosen, weights: weights, proven: result.provenOptimal || bound <= result.objective + 1e-6)
        guard closed, candidate.cost <= budget, candidate.coveredWeight >= greedy.coveredWeight else { return greedy }
        return try cheapest(
            problem, candidate, weights: weights, proven: candidate.provenOptimal, timeLimit: timeLimit - clock.elapsed)
    }

    private static func solution(_ problem: CoverProblem, _ items: [Int], weights: [Int], proven: Bool)
        -> BudgetSolution
    {
        let covered = Set(items.flatMap { problem.covers[$0] }).sorted()
        return BudgetSolution(
            items: items.sorted(), cost: items.reduce(0) { $0 + problem.costs[$1] }, coveredNeeds: covered,
            coveredWeight: covered.reduce(0) { $0 + weights[$1] }, totalWeight: weights.reduce(0, +),
            provenOptimal: proven)
    }

    /// The same needs covered with the fewest credits (kept only when it is a cover and cheaper).
    private static func cheapest(
        _ problem: CoverProblem, _ found: BudgetSolution, weights: [Int], proven: Bool, timeLimit: Double
    ) throws(PlannerError) -> BudgetSolution {
        var found = found
        found.provenOptimal = proven
        let needs = found.coveredNeeds.filter { weights[$0] > 0 }
        guard !needs.isEmpty, timeLimit > 0 else { return found }
        var index = [Int](repeating: -1, count: problem.needCount)
        for (k, need) in needs.enumerated() { index[need] = k }
        let sub = CoverProblem(
            costs: problem.costs, covers: problem.covers.map { $0.compactMap { index[$0] >= 0 ? index[$0] : nil } },
            prerequisites: problem.prerequisites, needCount: needs.count, names: problem.names)
        let cover = try ExactCover.solve(sub, timeLimit: timeLimit)
        guard cover.status != .infeasible, sub.isSolution(cover.items), cover.cost < found.cost else { return found }
        // Covering the same needs more cheaply may cover more by the way; never less.
        let better = solution(problem, cover.items, weights: weights, proven: proven)
        return better.coveredWeight >= found.coveredWeight ? better : found
    }

    /// Ratio greedy within the budget: most new weight per added credit, closures included.
    private static func greedy(_ reducer: CoverReducer, weights: [Int], budget: Int) -> [Int] {
        let problem = reducer.problem
        let words = reducer.direct.words
        let items = reducer.aliveItems
        var uncovered = reducer.liveNeeds
        var chosen = [Bool](repeating: false, count: problem.itemCount)
        var picked: [Int] = []
        var spent = 0
        func gain(_ item: Int) -> Int {
            var total = 0
            for w in 0..<words {
                var word = reducer.reach.storage[item * words + w] & uncovered[w]
                while word != 0 {
                    total += weights[w * 64 + word.trailingZeroBitCount]
                    word &= word - 1
                }
            }
            return total
        }
        while true {
            var best = -1
            var bestGain = 0
            var bestAdded = 0
            for i in items where !chosen[i] {
                var added = problem.costs[i]
                for p in reducer.closure[i] where !chosen[p] { added += problem.costs[p] }
                guard spent + added <= budget else { continue }
                let gained = gain(i)
                guard gained > 0 else { continue }
                // gained / added > bestGain / bestAdded, by cross-multiplication (exact in integers).
                if best < 0 || gained * bestAdded > bestGain * added {
                    best = i
                    bestGain = gained
                    bestAdded = added
                }
            }
            guard best >= 0 else { break }
            for x in reducer.closure[best] + [best] where !chosen[x] {
                chosen[x] = true
                picked.append(x)
                for w in 0..<words { uncovered[w] &= ~reducer.direct.storage[x * words + w] }
            }
            spent += bestAdded
        }
        return picked.sorted()
    }
}
