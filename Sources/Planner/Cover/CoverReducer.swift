/// Exact reductions of a `CoverProblem` before the MIP solver sees it.
///
/// Every rule below keeps at least one optimal solution (in `.lexicographic` mode: every optimal
/// solution) of the instance it is applied to. Rules are applied one removal at a time, each
/// against the instance as it stands after the previous removals, so the proofs compose by
/// induction. Terms used in the proofs:
/// - a *solution* is a prerequisite-closed set of items covering every live need;
/// - `cl(i)` is the set of alive items `i` requires, transitively (fixed items are chosen anyway,
///   so they cost nothing more); `cl⁺(i) = {i} ∪ cl(i)`;
/// - `reach(i)` is the set of live needs some item of `cl⁺(i)` covers directly;
/// - `closureCost(i)` is the cost of `cl⁺(i)`: what choosing `i` adds at most to any solution.
///
/// In `.budget` mode the problem is budget-limited coverage instead (a solution is a closed set
/// within the budget; the most weight covered, then the least cost, is best): needs need not be
/// covered, so forced items and implied needs do not apply, a need no alive item covers is simply
/// dropped, items whose closure exceeds the budget go, and the irrelevance and dominance rules
/// hold as proved below (their exchanges never lose a covered need and never add cost).
struct CoverReducer {
    enum Mode: Equatable {
        /// Keep one minimum-cost solution: equal-cost dominance may remove either twin.
        case minimumCost
        /// Keep every minimum-cost solution, for the tie-break that follows: only strict rules.
        case lexicographic
        /// Keep one best budget-limited coverage within this budget.
        case budget(Int)
    }

    let problem: CoverProblem
    let mode: Mode
    /// Items that directly cover each need, ascending.
    let coverers: [[Int]]
    /// Items that require each item directly.
    let dependents: [[Int]]
    /// Needs each item covers directly.
    let direct: BitRows
    let order: [Int]

    private(set) var alive: [Bool]
    private(set) var fixed: [Bool]
    private(set) var liveNeeds: [UInt64]
    private(set) var closure: [[Int]]
    private(set) var closureCost: [Int]
    private(set) var reach: BitRows
    private(set) var stats = ReductionStats()
    /// Set when a live need has no alive coverer.
    private(set) var infeasible = false

    // Scratch space reused across rules.
    private var stamp: [Int]
    private var stampValue = 0
    private var counter: [Int]

    /// `needs` limits the live needs (default: all of them).
    init(_ problem: CoverProblem, mode: Mode, needs: [Int]? = nil) throws(PlannerError) {
        self.problem = problem
        self.mode = mode
        order = try problem.validatedTopologicalOrder()
        let n = problem.itemCount
        var coverers = [[Int]](repeating: [], count: problem.needCount)
        var direct = BitRows(rows: n, bits: problem.needCount)
        var dependents = [[Int]](repeating: [], count: n)
        for i in 0..<n {
            for need in problem.covers[i] where !direct.contains(i, need) {
                direct.insert(i, need)
                coverers[need].append(i)
            }
            for p in Set(problem.prerequisites[i]).sorted() { dependents[p].append(i) }
        }
        self.coverers = coverers
        self.direct = direct
        self.dependents = dependents
        alive = [Bool](repeating: true, count: n)
        fixed = [Bool](repeating: false, count: n)
        liveNeeds = [UInt64](repeating: 0, count: direct.words)
        for need in needs ?? Array(0..<problem.needCount) { liveNeeds[need >> 6] |= 1 << UInt64(need & 63) }
        closure = [[Int]](repeating: [], count: n)
        closureCost = problem.costs
        reach = BitRows(rows: n, bits: problem.needCount)
        stamp = [Int](repeating: 0, count: n)
        counter = [Int](repeating: 0, count: n)
        stats.itemsBefore = n
        stats.needsBefore = problem.needCount
    }

    func isLive(_ need: Int) -> Bool { liveNeeds[need >> 6] & (1 << UInt64(need & 63)) != 0 }

    var liveNeedList: [Int] { (0..<problem.needCount).filter(isLive) }
    var aliveItems: [Int] { alive.indices.filter { alive[$0] } }
    var fixedItems: [Int] { fixed.indices.filter { fixed[$0] } }

    /// Applies the rules until none changes anything.
    mutating func run() {
        var closuresStale = true
        while true {
            stats.rounds += 1
            if closuresStale {
                computeClosures()
                closuresStale = false
            }
            var changed = false
            if case .budget(let budget) = mode {
                changed = removeOverBudget(budget)
                changed = dropUncoverableNeeds() || changed
            } else {
                if fixForcedItems() {
                    if infeasible { break }
                    closuresStale = true
                    continue
                }
                changed = dropImpliedNeeds()
            }
            changed = removeIrrelevantItems() || changed
            changed = removeDominatedItems() || changed
            if !changed { break }
        }
        stats.itemsLeft = alive.count { $0 }
        stats.needsLeft = liveNeedList.count
        stats.fixedItems = fixed.count { $0 }
    }

    /// Removes items no optimal solution needs (e.g. by reduced-cost fixing), with every item
    /// that requires them: a solution holding a dependent holds the item too.
    mutating func exclude(_ items: [Int]) {
        var work = items.filter { alive[$0] }
        while let item = work.popLast() {
            guard alive[item] else { continue }
            remove(item)
            work.append(contentsOf: dependents[item].filter { alive[$0] })
        }
    }

    /// Fixes items every optimal solution holds, with their prerequisites.
    mutating func include(_ items: [Int]) {
        for item in items where alive[item] {
            for x in closure[item] + [item] { fix(x) }
        }
    }

    // MARK: - Closures

    private mutating func nextStamp() -> Int {
        stampValue += 1
        return stampValue
    }

    /// `cl(i)`, `closureCost(i)` and `reach(i)` for every alive item, prerequisites first.
    private mutating func computeClosures() {
        for i in order where alive[i] {
            let mark = nextStamp()
            var members: [Int] = []
            for p in problem.prerequisites[i] where alive[p] {
                if stamp[p] != mark {
                    stamp[p] = mark
                    members.append(p)
                }
                for q in closure[p] where stamp[q] != mark {
                    stamp[q] = mark
                    members.append(q)
                }
            }
            members.sort()
            closure[i] = members
            var cost = problem.costs[i]
            reach.clear(i)
            reach.formUnion(i, with: direct, row: i)
            for p in members {
                cost += problem.costs[p]
                reach.formUnion(i, with: direct, row: p)
            }
            closureCost[i] = cost
        }
    }

    private mutating func fix(_ item: Int) {
        guard alive[item] else { return }
        alive[item] = false
        fixed[item] = true
        let row = item * direct.words
        for w in 0..<direct.words { liveNeeds[w] &= ~direct.storage[row + w] }
    }

    private mutating func remove(_ item: Int) {
        alive[item] = false
    }

    private func hasAliveDependent(_ item: Int) -> Bool {
        dependents[item].contains { alive[$0] }
    }

    // MARK: - Rules

    /// Budget mode: an item whose closure costs more than the budget is in no solution, and nor is
    /// any item requiring it (its closure costs more still).
    private mutating func removeOverBudget(_ budget: Int) -> Bool {
        let over = aliveItems.filter { closureCost[$0] > budget }
        exclude(over)
        return !over.isEmpty
    }

    /// Budget mode: a need no alive item covers cannot count; it leaves the live needs.
    private mutating func dropUncoverableNeeds() -> Bool {
        var changed = false
        for need in liveNeedList where !coverers[need].contains(where: { alive[$0] }) {
            liveNeeds[need >> 6] &= ~(1 << UInt64(need & 63))
            changed = true
        }
        return changed
    }

    /// Forced items. Every solution contains some coverer `c` of need `n`, hence `cl⁺(c)`; so it
    /// contains every item common to `cl⁺(c)` over all coverers `c` of `n` (when `n` has one coverer,
    /// that coverer and its closure). Fixing them keeps every solution (lexicographic-safe).
    private mutating func fixForcedItems() -> Bool {
        // One pass over the needs. Closures computed before a fix stay valid supersets afterwards
        // (fixing only takes items out of them), and an intersection of supersets only adds items
        // that are fixed already, so every need can be handled in the same pass.
        var changed = false
        for need in 0..<problem.needCount where isLive(need) {
            let candidates = coverers[need].filter { alive[$0] }
            guard !candidates.isEmpty else {
                infeasible = true
                return true
            }
            var common: [Int]
            if candidates.count == 1 {
                common = closure[candidates[0]] + [candidates[0]]
            } else {
                var touched: [Int] = []
                for c in candidates {
                    for x in closure[c] + [c] {
                        if counter[x] == 0 { touched.append(x) }
                        counter[x] += 1
                    }
                }
                common = touched.filter { counter[$0] == candidates.count }
                for x in touched { counter[x] = 0 }
            }
            for x in common.sorted() where alive[x] {
                fix(x)
                changed = true
            }
        }
        return changed
    }

    /// Needs implied by others. If every coverer of need `m` has a coverer of need `n` in its
    /// `cl⁺`, every solution covering `m` covers `n`: dropping `n` leaves the set of solutions
    /// unchanged (lexicographic-safe). Needs are dropped one at a time, a dropped need never serves
    /// as `m`, so of two needs implying each other one stays. The catalogue case: a need (s, L) is
    /// implied by (s, L') with L' > L.
    private mutating func dropImpliedNeeds() -> Bool {
        var changed = false
        let needs = liveNeedList
        for n in needs {
            for m in needs where m != n && isLive(m) {
                var implies = true
                for c in coverers[m] where alive[c] && !reach.contains(c, n) {
                    implies = false
                    break
                }
                if implies {
                    liveNeeds[n >> 6] &= ~(1 << UInt64(n & 63))
                    changed = true
                    break
                }
            }
        }
        return changed
    }

    /// Items that cover no live need and that no alive item requires. Removing one from a solution
    /// keeps it a solution and costs no more (costs are ≥ 0; the tie-break criteria only grow with
    /// the set), so some optimum avoids it (every optimum when its cost is positive; the removed
    /// item can only add a region, institution or delivery to the tie-break): lexicographic-safe.
    private mutating func removeIrrelevantItems() -> Bool {
        var changed = false
        var work = aliveItems.reversed().filter { !direct.intersects($0, liveNeeds) && !hasAliveDependent($0) }
        while let item = work.popLast() {
            guard alive[item], !direct.intersects(item, liveNeeds), !hasAliveDependent(item) else { continue }
            remove(item)
            changed = true
            for p in problem.prerequisites[item] where alive[p] && !direct.intersects(p, liveNeeds) {
                if !hasAliveDependent(p) { work.append(p) }
            }
        }
        return changed
    }

    /// Dominated items. Let `a` be an alive item no alive item requires, and `Q ⊆ cl(a)` its
    /// private prerequisites: those whose alive dependents all lie in `{a} ∪ Q`. Let `b ∉ {a} ∪ Q`
    /// be an alive item whose `reach(b)` contains every live need covered by `a` or `Q`, with
    /// `closureCost(b) ≤ cost(a) + cost(Q)`. Claim: some optimum avoids `a`.
    ///
    /// Proof. Take a solution S ∋ a; S ⊇ cl(a) ⊇ Q. Let S' = (S ∖ ({a} ∪ Q)) ∪ cl⁺(b).
    /// - Closed: a kept item x ∈ S ∖ ({a} ∪ Q) requiring some q ∈ Q would be an alive dependent of
    ///   q outside {a} ∪ Q (fixed items only require fixed items), contradicting q ∈ Q; cl⁺(b) is
    ///   closed by definition.
    /// - Covering: a need S covered only through {a} ∪ Q is in reach(b), covered by cl⁺(b).
    /// - Cost: cl⁺(b) is disjoint from {a} ∪ Q (a dependency chain from q ∈ Q up to b would stay in
    ///   Q, making b ∈ Q; nothing requires a), so cost(S') ≤ cost(S) − cost(a) − cost(Q) + closureCost(b)
    ///   ≤ cost(S).
    /// With a strict inequality S' is strictly cheaper, so no optimum contains `a`: that is the only
    /// form used in `.lexicographic` mode. Removing `a` changes no alive item's closure (nothing
    /// requires it), so closures stay valid while this rule runs.
    private mutating func removeDominatedItems() -> Bool {
        let words = direct.words
        // Alive items whose reach contains each need: the candidates for `b`.
        var reachers = [[Int]](repeating: [], count: problem.needCount)
        for i in aliveItems {
            for need in reach.bits(i) where isLive(need) { reachers[need].append(i) }
        }
        var changed = false
        var needed = [UInt64](repeating: 0, count: words)
        let candidates = aliveItems.filter { !hasAliveDependent($0) }.sorted {
            (problem.costs[$0], $0) > (problem.costs[$1], $1)
        }
        for a in candidates where alive[a] && !hasAliveDependent(a) {
            let inQ = nextStamp()
            var privateSet = closure[a]
            for q in privateSet { stamp[q] = inQ }
            var shrinking = true
            while shrinking {
                shrinking = false
                privateSet = privateSet.filter { q in
                    let isPrivate = dependents[q].allSatisfy { d in !alive[d] || d == a || stamp[d] == inQ }
                    if !isPrivate {
                        stamp[q] = 0
                        shrinking = true
                    }
                    return isPrivate
                }
            }
            var saving = problem.costs[a]
            for w in 0..<words { needed[w] = direct.storage[a * words + w] & liveNeeds[w] }
            for q in privateSet {
                saving += problem.costs[q]
                for w in 0..<words { needed[w] |= direct.storage[q * words + w] & liveNeeds[w] }
            }
            var rarest = -1
            for w in 0..<words {
                var word = needed[w]
                while word != 0 {
                    let need = w * 64 + word.trailingZeroBitCount
                    word &= word - 1
                    if rarest < 0 || reachers[need].count < reachers[rarest].count { rarest = need }
                }
            }
            guard rarest >= 0 else {
                // Neither a nor its private prerequisites cover a live need: irrelevant.
                remove(a)
                changed = true
                continue
            }
            for b in reachers[rarest] where alive[b] && b != a && stamp[b] != inQ {
                let cheapEnough =
                    mode == .lexicographic ? closureCost[b] < saving : closureCost[b] <= saving
                guard cheapEnough else { continue }
                var covers = true
                for w in 0..<words where needed[w] & ~reach.storage[b * words + w] != 0 {
                    covers = false
                    break
                }
                if covers {
                    remove(a)
                    changed = true
                    break
                }
            }
        }
        return changed
    }
}
