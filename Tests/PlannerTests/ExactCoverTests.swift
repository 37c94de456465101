import Catalog
import Testing

@testable import Planner

/// The numeric core against exhaustive enumeration on random small instances.
@Suite struct ExactCoverTests {
    /// Up to 15 items, up to 8 needs, costs 0–12, prerequisites only towards lower indices (no cycles).
    static func randomProblem(seed: UInt64) -> CoverProblem {
        var rng = SeededGenerator(seed: seed)
        let items = Int.random(in: 1...15, using: &rng)
        let needs = Int.random(in: 1...8, using: &rng)
        var costs: [Int] = []
        var covers: [[Int]] = []
        var prerequisites: [[Int]] = []
        for i in 0..<items {
            costs.append(Int.random(in: 0...12, using: &rng))
            covers.append((0..<needs).filter { _ in Int.random(in: 0..<4, using: &rng) == 0 })
            prerequisites.append(i == 0 ? [] : (0..<i).filter { _ in Int.random(in: 0..<6, using: &rng) == 0 })
        }
        return CoverProblem(costs: costs, covers: covers, prerequisites: prerequisites, needCount: needs)
    }

    /// The optimum by trying every subset: nil when no subset covers every need.
    static func bruteForce(_ problem: CoverProblem) -> Int? {
        let n = problem.itemCount
        let required = problem.prerequisites.map { $0.reduce(0) { $0 | 1 << $1 } }
        let covered = problem.covers.map { $0.reduce(0) { $0 | 1 << $1 } }
        let all = (1 << problem.needCount) - 1
        var best: Int?
        for subset in 0..<(1 << n) {
            var cost = 0
            var needs = 0
            var closed = true
            for i in 0..<n where subset & 1 << i != 0 {
                if required[i] & ~subset != 0 {
                    closed = false
                    break
                }
                cost += problem.costs[i]
                needs |= covered[i]
            }
            if closed, needs == all, cost < best ?? .max { best = cost }
        }
        return best
    }

    @Test(arguments: 0..<200)
    func exactCoverEqualsExhaustiveEnumeration(seed: Int) throws {
        // Given a random instance of at most 15 items
        let problem = Self.randomProblem(seed: UInt64(seed))

        // When it is solved exactly and by trying every subset
        let solution = try ExactCover.solve(problem, timeLimit: 10)
        let expected = Self.bruteForce(problem)

        // Then both agree on the optimum (or on there being no cover), and the cover is one
        guard let expected else {
            #expect(solution.status == .infeasible, "seed \(seed)")
            return
        }
        #expect(solution.status == .provenOptimal, "seed \(seed)")
        #expect(solution.cost == expected, "seed \(seed)")
        #expect(problem.isSolution(solution.items), "seed \(seed)")
        #expect(solution.items.reduce(0) { $0 + problem.costs[$1] } == solution.cost)
    }

    @Test(arguments: 0..<60)
    func budgetCoverageEqualsExhaustiveEnumeration(seed: Int) throws {
        // Given a random instance, weights per need and a budget below the total cost
        let problem = Self.randomProblem(seed: UInt64(1_000 + seed))
        var rng = SeededGenerator(seed: UInt64(seed))
        let weights = (0..<problem.needCount).map { _ in Int.random(in: 0...9, using: &rng) }
        let budget = Int.random(in: 0...30, using: &rng)

        // When the most weight within the budget is sought, exactly and by trying every subset
        let solution = try BudgetCoverage.solve(problem, weights: weights, budget: budget, timeLimit: 10)
        var best = 0
        for subset in 0..<(1 << problem.itemCount) {
            let items = (0..<problem.itemCount).filter { subset & 1 << $0 != 0 }
            let set = Set(items)
            guard items.allSatisfy({ problem.prerequisites[$0].allSatisfy(set.contains) }),
                items.reduce(0, { $0 + problem.costs[$1] }) <= budget
            else { continue }
            best = max(best, Set(items.flatMap { problem.covers[$0] }).reduce(0) { $0 + weights[$1] })
        }

        // Then the weights agree and the chosen set keeps the budget and its prerequisites
        #expect(solution.provenOptimal, "seed \(seed)")
        #expect(solution.coveredWeight == best, "seed \(seed)")
        #expect(solution.cost <= budget)
        let chosen = Set(solution.items)
        #expect(solution.items.allSatisfy { problem.prerequisites[$0].allSatisfy(chosen.contains) })
    }

    @Test func prerequisiteCycleIsAnErrorNamingItsItems() {
        // Given two items that require each other
        let problem = CoverProblem(
            costs: [1, 1], covers: [[0], []], prerequisites: [[1], [0]], needCount: 1, names: ["A", "B"])

        // When it is solved, then the cycle is reported with both names
        #expect(throws: PlannerError.prerequisiteCycle(["A", "B"])) {
            try ExactCover.solve(problem, timeLimit: 1)
        }
    }
}

/// The tie-break phase against exhaustive enumeration: among minimum-cost covers, the least
/// (outside cost, institutions, unpreferred) in that order.
@Suite struct TieBreakTests {
    @Test(arguments: 0..<150)
    func tieBreakEqualsExhaustiveLexicographicOptimum(seed: Int) throws {
        // Given a random instance with few distinct costs (many ties) and random criteria
        var problem = ExactCoverTests.randomProblem(seed: UInt64(5_000 + seed))
        var rng = SeededGenerator(seed: UInt64(seed))
        problem.costs = problem.costs.map { _ in Int.random(in: 1...3, using: &rng) }
        let criteria = TieBreakCriteria(
            outside: problem.costs.map { Bool.random(using: &rng) ? $0 : 0 },
            institution: problem.costs.map { _ in Int.random(in: 0..<4, using: &rng) },
            unpreferred: problem.costs.map { _ in Int.random(in: 0...1, using: &rng) })

        // When solved in two phases, and by trying every subset
        let first = try ExactCover.solve(problem, timeLimit: 10)
        guard first.status == .provenOptimal else { return }
        let result = try TieBreak.apply(problem, criteria: criteria, solution: first, timeLimit: 10)
        func key(_ items: [Int]) -> [Int] {
            [
                items.reduce(0) { $0 + problem.costs[$1] }, items.reduce(0) { $0 + criteria.outside[$1] },
                Set(items.map { criteria.institution[$0] }).count, items.reduce(0) { $0 + criteria.unpreferred[$1] },
            ]
        }
        var best: [Int]?
        for subset in 0..<(1 << problem.itemCount) {
            let items = (0..<problem.itemCount).filter { subset & 1 << $0 != 0 }
            guard problem.isSolution(items) else { continue }
            let candidate = key(items)
            if best.map({ candidate.lexicographicallyPrecedes($0) }) ?? true { best = candidate }
        }

        // Then the chosen cover has the lexicographic optimum
        #expect(result.status == .proven, "seed \(seed)")
        #expect(problem.isSolution(result.items), "seed \(seed)")
        #expect(key(result.items) == best, "seed \(seed)")
    }
}
