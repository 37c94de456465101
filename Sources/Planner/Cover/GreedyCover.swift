/// The classic ratio greedy for set cover, extended to prerequisites: repeatedly choose the item
/// whose closure adds the least cost per newly covered need, then drop chosen items that became
/// redundant. Its cover is CBC's MIP start and the fallback when CBC returns nothing.
enum GreedyCover {
    /// A cover of the reducer's live needs using alive items (fixed items are taken as chosen).
    /// `seed` items (with their closures) are taken first: e.g. those an LP relaxation sets to 1.
    /// Returns nil when some live need has no alive coverer.
    static func solve(_ reducer: CoverReducer, seed: [Int] = []) -> [Int]? {
        var state = State(reducer)
        for item in seed where reducer.alive[item] { state.take(item) }
        guard state.complete(banned: -1) else { return nil }
        state.prune()
        return state.items
    }

    /// Local search on a cover: drop one item, complete greedily without it, prune; keep the result
    /// when cheaper, until no single drop helps (or a few passes are done).
    static func improve(_ cover: [Int], _ reducer: CoverReducer) -> [Int] {
        var best = cover
        var bestCost = best.reduce(0) { $0 + reducer.problem.costs[$1] }
        for _ in 0..<4 {
            var improved = false
            let byCost = best.sorted { (reducer.problem.costs[$0], $0) > (reducer.problem.costs[$1], $1) }
            let members = Set(best)
            for dropped in byCost {
                guard !reducer.dependents[dropped].contains(where: members.contains) else { continue }
                var state = State(reducer)
                for item in best where item != dropped { state.take(item) }
                guard state.complete(banned: dropped) else { continue }
                state.prune()
                let cost = state.cost
                if cost < bestCost {
                    best = state.items
                    bestCost = cost
                    improved = true
                    break
                }
            }
            if !improved { break }
        }
        return best
    }

    /// A partial cover under construction.
    private struct State {
        let reducer: CoverReducer
        let candidates: [Int]
        var chosen: [Bool]
        var picked: [Int] = []
        var uncovered: [UInt64]

        init(_ reducer: CoverReducer) {
            self.reducer = reducer
            candidates = reducer.aliveItems
            chosen = [Bool](repeating: false, count: reducer.problem.itemCount)
            uncovered = reducer.liveNeeds
        }

        var items: [Int] { picked.filter { chosen[$0] }.sorted() }
        var cost: Int { picked.reduce(0) { chosen[$1] ? $0 + reducer.problem.costs[$1] : $0 } }

        /// Takes an item with its closure.
        mutating func take(_ item: Int) {
            let words = reducer.direct.words
            for x in reducer.closure[item] + [item] where !chosen[x] {
                chosen[x] = true
                picked.append(x)
                let row = x * words
                for w in 0..<words { uncovered[w] &= ~reducer.direct.storage[row + w] }
            }
        }

        /// Adds the best-ratio item until every live need is covered; false if some cannot be.
        mutating func complete(banned: Int) -> Bool {
            let costs = reducer.problem.costs
            while uncovered.contains(where: { $0 != 0 }) {
                var best = -1
                // Compare added / gained as fractions by cross-multiplication: exact in integers.
                var bestAdded = 0
                var bestGain = 0
                for i in candidates where !chosen[i] && i != banned {
                    let gain = reducer.reach.count(i, masked: uncovered)
                    guard gain > 0 else { continue }
                    var added = costs[i]
                    for p in reducer.closure[i] where !chosen[p] { added += costs[p] }
                    if best < 0 || added * bestGain < bestAdded * gain {
                        best = i
                        bestAdded = added
                        bestGain = gain
                    }
                }
                guard best >= 0 else { return false }
                take(best)
            }
            return true
        }

        /// Drops chosen items that no chosen item requires and whose needs other chosen items
        /// cover, most expensive first, until none can go.
        mutating func prune() {
            let problem = reducer.problem
            var coverCount = [Int](repeating: 0, count: problem.needCount)
            let needsOf = picked.map { reducer.direct.bits($0).filter(reducer.isLive) }
            for needs in needsOf {
                for need in needs { coverCount[need] += 1 }
            }
            let order = picked.indices.sorted {
                (problem.costs[picked[$0]], picked[$0]) > (problem.costs[picked[$1]], picked[$1])
            }
            var removedAny = true
            while removedAny {
                removedAny = false
                for k in order where chosen[picked[k]] {
                    let x = picked[k]
                    guard !reducer.dependents[x].contains(where: { chosen[$0] }) else { continue }
                    guard needsOf[k].allSatisfy({ coverCount[$0] >= 2 }) else { continue }
                    chosen[x] = false
                    for need in needsOf[k] { coverCount[need] -= 1 }
                    removedAny = true
                }
            }
        }
    }
}
