/// The classic ratio greedy for set cover, extended to prerequisites: repeatedly choose the item
/// whose closure adds the least cost per newly covered need, then drop chosen items that became
/// redundant. Its cover is CBC's MIP start and the fallback when CBC returns nothing.
enum GreedyCover {
    /// A cover of the reducer's live needs using alive items (fixed items are taken as chosen).
    /// Returns nil when some live need has no alive coverer.
    static func solve(_ reducer: CoverReducer) -> [Int]? {
        let problem = reducer.problem
        let words = reducer.direct.words
        var uncovered = reducer.liveNeeds
        var chosen = [Bool](repeating: false, count: problem.itemCount)
        var picked: [Int] = []
        let items = reducer.aliveItems
        func anyUncovered() -> Bool { uncovered.contains { $0 != 0 } }
        while anyUncovered() {
            var best = -1
            // Compare added / gained as fractions by cross-multiplication: exact in integers.
            var bestAdded = 0
            var bestGain = 0
            for i in items where !chosen[i] {
                let gain = reducer.reach.count(i, masked: uncovered)
                guard gain > 0 else { continue }
                var added = problem.costs[i]
                for p in reducer.closure[i] where !chosen[p] { added += problem.costs[p] }
                if best < 0 || added * bestGain < bestAdded * gain {
                    best = i
                    bestAdded = added
                    bestGain = gain
                }
            }
            guard best >= 0 else { return nil }
            for x in reducer.closure[best] + [best] where !chosen[x] {
                chosen[x] = true
                picked.append(x)
                let row = x * words
                for w in 0..<words { uncovered[w] &= ~reducer.direct.storage[row + w] }
            }
        }
        return pruned(picked, chosen: &chosen, reducer: reducer)
    }

    /// Drops chosen items that no chosen item requires and whose needs other chosen items cover,
    /// most expensive first, until none can go.
    private static func pruned(_ picked: [Int], chosen: inout [Bool], reducer: CoverReducer) -> [Int] {
        let problem = reducer.problem
        var coverCount = [Int](repeating: 0, count: problem.needCount)
        let live = Set(reducer.liveNeedList)
        for x in picked {
            for need in reducer.direct.bits(x) where live.contains(need) { coverCount[need] += 1 }
        }
        var removedAny = true
        let byCost = picked.sorted { (problem.costs[$0], $0) > (problem.costs[$1], $1) }
        while removedAny {
            removedAny = false
            for x in byCost where chosen[x] {
                let required = reducer.dependents[x].contains { chosen[$0] }
                guard !required else { continue }
                let needs = reducer.direct.bits(x)
                let redundant = needs.allSatisfy { !live.contains($0) || coverCount[$0] >= 2 }
                guard redundant else { continue }
                chosen[x] = false
                for need in needs where live.contains(need) { coverCount[need] -= 1 }
                removedAny = true
            }
        }
        return picked.filter { chosen[$0] }.sorted()
    }
}
