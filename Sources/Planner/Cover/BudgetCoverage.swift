/// Budget-limited maximum weighted coverage with precedence: when the minimum cover costs more
/// than the budget, choose a prerequisite-closed set within the budget that covers the most weight
/// (people), then, among those, costs the least.
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
    /// The model maximises `(budget + 1)·Σ weight·covered − Σ cost·chosen`: lexicographic (weight
    /// first) because the cost of any set within the budget is below `budget + 1`. When that scale
    /// would exceed 1e12 the cost term is dropped (coverage alone is then optimised).
    package static func solve(
        _ problem: CoverProblem, weights: [Int], budget: Int, timeLimit: Double
    ) throws(PlannerError) -> BudgetSolution {
        let order = try problem.validatedTopologicalOrder()
        guard weights.count == problem.needCount, weights.allSatisfy({ $0 >= 0 }) else {
            throw .malformedProblem("\(weights.count) weights for \(problem.needCount) needs")
        }
        let n = problem.itemCount
        // Full closures (prerequisites first): an item whose closure exceeds the budget is never usable.
        var closure = [Set<Int>](repeating: [], count: n)
        for i in order {
            for p in problem.prerequisites[i] { closure[i].formUnion(closure[p].union([p])) }
        }
        let closureCost = (0..<n).map { i in closure[i].reduce(problem.costs[i]) { $0 + problem.costs[$1] } }
        var usable = (0..<n).map { closureCost[$0] <= budget }
        // Items covering nothing are only worth it as prerequisites of usable items.
        var required = [Bool](repeating: false, count: n)
        for i in 0..<n where usable[i] && !problem.covers[i].isEmpty {
            required[i] = true
            for p in closure[i] { required[p] = true }
        }
        usable = (0..<n).map { usable[$0] && required[$0] }
        let items = (0..<n).filter { usable[$0] }
        let totalWeight = weights.reduce(0, +)

        var coverers = [[Int]](repeating: [], count: problem.needCount)
        for i in items {
            for need in Set(problem.covers[i]).sorted() { coverers[need].append(i) }
        }
        let needs = (0..<problem.needCount).filter { !coverers[$0].isEmpty && weights[$0] > 0 }
        let start = greedy(problem, items: items, closure: closure, weights: weights, budget: budget)
        // Everything coverable within the budget is covered: nothing can do better.
        let reachable = needs.reduce(0) { $0 + weights[$1] }
        if weight(problem, start, weights) == reachable {
            let covered = Set(start.flatMap { problem.covers[$0] }).sorted()
            return BudgetSolution(
                items: start, cost: cost(problem, start), coveredNeeds: covered,
                coveredWeight: covered.reduce(0) { $0 + weights[$1] }, totalWeight: totalWeight, provenOptimal: true)
        }

        var model = MIPModel()
        model.maximize = true
        let maxGain = Double(budget + 1) * Double(totalWeight)
        let scale = maxGain <= 1e12 ? budget + 1 : 1
        let costWeight = maxGain <= 1e12 ? 1.0 : 0.0
        var column = [Int](repeating: -1, count: n)
        for i in items { column[i] = model.addColumn(cost: -costWeight * Double(problem.costs[i])) }
        var needColumn: [Int: Int] = [:]
        for need in needs { needColumn[need] = model.addColumn(cost: Double(scale * weights[need])) }
        for need in needs {
            guard let y = needColumn[need] else { continue }
            model.addRow([(y, 1)] + coverers[need].map { (column: column[$0], coefficient: -1.0) }, .lessOrEqual, 0)
        }
        for i in items {
            for p in Set(problem.prerequisites[i]).sorted() where column[p] >= 0 {
                model.addRow([(column[i], 1), (column[p], -1)], .lessOrEqual, 0)
            }
        }
        model.addRow(
            items.map { (column: column[$0], coefficient: Double(problem.costs[$0])) }, .lessOrEqual, Double(budget))

        let chosenStart = Set(start)
        var startValues = items.map { chosenStart.contains($0) ? 1.0 : 0.0 }
        let startCovered = Set(start.flatMap { problem.covers[$0] })
        for need in needs { startValues.append(startCovered.contains(need) ? 1 : 0) }
        let result = CbcSolver.solve(model, start: startValues, seconds: timeLimit)

        var chosen = start
        var proven = false
        if let values = result.solution {
            let candidate = items.filter { values[column[$0]] > 0.5 }
            if isClosed(problem, candidate), cost(problem, candidate) <= budget,
                weight(problem, candidate, weights) >= weight(problem, start, weights)
            {
                chosen = candidate
                let bound = (result.bound + 1e-6).rounded(.down)
                proven = result.provenOptimal || bound <= result.objective + 1e-6
            }
        }
        let covered = Set(chosen.flatMap { problem.covers[$0] }).sorted()
        return BudgetSolution(
            items: chosen.sorted(), cost: cost(problem, chosen), coveredNeeds: covered,
            coveredWeight: covered.reduce(0) { $0 + weights[$1] }, totalWeight: totalWeight, provenOptimal: proven)
    }

    /// Ratio greedy within the budget: most new weight per added credit, closures included.
    private static func greedy(
        _ problem: CoverProblem, items: [Int], closure: [Set<Int>], weights: [Int], budget: Int
    ) -> [Int] {
        var chosen = Set<Int>()
        var covered = Set<Int>()
        var spent = 0
        while true {
            var best = -1
            var bestGain = 0
            var bestAdded = 0
            for i in items where !chosen.contains(i) {
                let added = closure[i].union([i]).subtracting(chosen).reduce(0) { $0 + problem.costs[$1] }
                guard spent + added <= budget else { continue }
                let gained = Set(closure[i].union([i]).flatMap { problem.covers[$0] }).subtracting(covered)
                let gain = gained.reduce(0) { $0 + weights[$1] }
                guard gain > 0 else { continue }
                if best < 0 || gain * bestAdded > bestGain * added {
                    best = i
                    bestGain = gain
                    bestAdded = added
                }
            }
            guard best >= 0 else { break }
            for x in closure[best].union([best]) where !chosen.contains(x) {
                chosen.insert(x)
                covered.formUnion(problem.covers[x])
            }
            spent += bestAdded
        }
        return chosen.sorted()
    }

    private static func isClosed(_ problem: CoverProblem, _ items: [Int]) -> Bool {
        let set = Set(items)
        return items.allSatisfy { problem.prerequisites[$0].allSatisfy(set.contains) }
    }

    private static func cost(_ problem: CoverProblem, _ items: [Int]) -> Int {
        items.reduce(0) { $0 + problem.costs[$1] }
    }

    private static func weight(_ problem: CoverProblem, _ items: [Int], _ weights: [Int]) -> Int {
        Set(items.flatMap { problem.covers[$0] }).reduce(0) { $0 + weights[$1] }
    }
}
