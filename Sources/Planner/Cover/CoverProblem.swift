/// The planner's numeric core: a weighted set cover with AND-precedence.
///
/// Choose items so that every need is covered by a chosen item, every chosen item's prerequisites are
/// chosen too, and the total cost is minimal. Costs are integers (credits scaled by the caller) so
/// that the solver can use the objective's integrality and "proven" means exactly that.
package struct CoverProblem: Sendable, Hashable {
    /// Cost of each item, ≥ 0.
    package var costs: [Int]
    /// The needs each item covers directly (indices below `needCount`).
    package var covers: [[Int]]
    /// The items each item requires, all of them (AND).
    package var prerequisites: [[Int]]
    package var needCount: Int
    /// Names for messages (e.g. course codes); item order, not names, decides ties.
    package var names: [String]

    package init(costs: [Int], covers: [[Int]], prerequisites: [[Int]], needCount: Int, names: [String]? = nil) {
        self.costs = costs
        self.covers = covers
        self.prerequisites = prerequisites
        self.needCount = needCount
        self.names = names ?? costs.indices.map { "item \($0)" }
    }

    package var itemCount: Int { costs.count }

    /// Checks indices and acyclicity; returns the items in an order where prerequisites come first.
    package func validatedTopologicalOrder() throws(PlannerError) -> [Int] {
        let n = itemCount
        guard covers.count == n, prerequisites.count == n, names.count == n else {
            throw .malformedProblem(
                "\(n) costs but \(covers.count) cover lists, \(prerequisites.count) prerequisite lists")
        }
        for i in 0..<n {
            if costs[i] < 0 { throw .malformedProblem("item \(names[i]) has negative cost \(costs[i])") }
            for need in covers[i] where need < 0 || need >= needCount {
                throw .malformedProblem("item \(names[i]) covers need \(need) of \(needCount)")
            }
            for p in prerequisites[i] where p < 0 || p >= n || p == i {
                throw .malformedProblem("item \(names[i]) requires item index \(p)")
            }
        }
        return try Self.topologicalOrder(prerequisites, names: names)
    }

    /// Prerequisites first (depth-first, in index order so that the result is deterministic).
    /// A cycle is reported with the names along it.
    static func topologicalOrder(_ prerequisites: [[Int]], names: [String]) throws(PlannerError) -> [Int] {
        let n = prerequisites.count
        // 0 = unseen, 1 = on the current path, 2 = done.
        var state = [UInt8](repeating: 0, count: n)
        var order: [Int] = []
        order.reserveCapacity(n)
        var stack: [(item: Int, next: Int)] = []
        for root in 0..<n where state[root] == 0 {
            stack.append((root, 0))
            state[root] = 1
            while let top = stack.last {
                let prereqs = prerequisites[top.item]
                if top.next < prereqs.count {
                    stack[stack.count - 1].next += 1
                    let p = prereqs[top.next]
                    if state[p] == 1 {
                        let path = stack.map(\.item)
                        let start = path.lastIndex(of: p) ?? 0
                        throw .prerequisiteCycle(path[start...].map { names[$0] })
                    }
                    if state[p] == 0 {
                        state[p] = 1
                        stack.append((p, 0))
                    }
                } else {
                    state[top.item] = 2
                    order.append(top.item)
                    stack.removeLast()
                }
            }
        }
        return order
    }
}

/// How a cover was obtained, and how good it is known to be.
package enum CoverStatus: Sendable, Hashable {
    /// Optimal, proven by the reductions alone or by CBC's bound.
    case provenOptimal
    /// The solver stopped with an incumbent but without closing the gap.
    case feasible(StopReason)
    /// The solver gave nothing better (or was not reached): the heuristic cover stands in (the greedy,
    /// improved by LP-seeded greedies and local search when there was time for the LP).
    case greedyFallback(StopReason)
    /// A need no item covers: nothing can cover everything.
    case infeasible
}

/// Why an exact solve stopped short.
package enum StopReason: Sendable, Hashable, CustomStringConvertible {
    /// The time limit was reached while CBC searched.
    case timeLimit
    /// The time limit was used up by preprocessing before CBC could start.
    case timeLimitBeforeSolver
    /// CBC gave up (numerical trouble or an internal limit).
    case solverAbandoned

    package var description: String {
        switch self {
        case .timeLimit: "time limit reached"
        case .timeLimitBeforeSolver: "time limit reached before the solver started"
        case .solverAbandoned: "the solver abandoned the search"
        }
    }
}

/// What the reductions achieved, for the benchmark and for tuning.
package struct ReductionStats: Sendable, Hashable {
    package var itemsBefore = 0
    package var needsBefore = 0
    package var itemsLeft = 0
    package var needsLeft = 0
    package var fixedItems = 0
    package var rounds = 0

    package init() {}
}

/// Seconds spent per phase of an exact solve.
package struct CoverTimings: Sendable, Hashable {
    package var reduce: Double = 0
    package var greedy: Double = 0
    /// The LP relaxation, the LP-guided greedy and reduced-cost fixing.
    package var lp: Double = 0
    package var solver: Double = 0

    package init() {}

    package var total: Double { reduce + greedy + lp + solver }
}

/// The chosen items with their cost and what is known about optimality.
package struct CoverSolution: Sendable, Hashable {
    /// Chosen item indices, ascending.
    package var items: [Int]
    package var cost: Int
    /// A proven lower bound on the optimum (equal to `cost` when proven optimal).
    package var bound: Int
    package var status: CoverStatus
    /// The plain greedy cover's cost, for reporting the greedy gap.
    package var greedyCost: Int
    package var stats: ReductionStats
    package var timings: CoverTimings

    package var isProvenOptimal: Bool { status == .provenOptimal }
}
