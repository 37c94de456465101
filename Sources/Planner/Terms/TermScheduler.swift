/// Bin packing with precedence: chosen courses into terms of at most `cap` credits, each course in
/// a later term than all of its prerequisites, in as few terms as the heuristic finds.
///
/// Lower bound: max(⌈total / cap⌉, longest prerequisite chain). For a target number of terms T
/// (from the bound upwards), a course of height h (the longest chain it starts, itself included)
/// must sit in term T − h at the latest (0-based). Terms are filled in order: first every available
/// course at its deadline, then the remaining capacity is packed as full as possible (a knapsack on
/// credits, taller courses first among equal fills). The first T that works is returned; the order is
/// called minimal only when T reaches the lower bound.
enum TermScheduler {
    struct Schedule: Equatable {
        /// Item indices per term.
        var terms: [[Int]]
        var lowerBound: Int
        var minimal: Bool { terms.count <= lowerBound }
    }

    /// `credits` are integers (scaled like the cover's costs), each ≤ `cap`; `prerequisites` index
    /// into the same items and form no cycle.
    static func schedule(credits: [Int], prerequisites: [[Int]], cap: Int) -> Schedule {
        let n = credits.count
        guard n > 0 else { return Schedule(terms: [], lowerBound: 0) }
        let height = heights(prerequisites)
        let total = credits.reduce(0, +)
        let byCredits = cap > 0 ? (total + cap - 1) / cap : n
        let lowerBound = max(byCredits, height.max() ?? 1, 1)
        for target in lowerBound...max(lowerBound, n) {
            if let terms = attempt(
                target: target, credits: credits, prerequisites: prerequisites, height: height, cap: cap)
            {
                return Schedule(terms: terms, lowerBound: lowerBound)
            }
        }
        return Schedule(
            terms: listSchedule(credits: credits, prerequisites: prerequisites, height: height, cap: cap),
            lowerBound: lowerBound)
    }

    /// Longest chain each item starts (1 for an item nothing requires).
    static func heights(_ prerequisites: [[Int]]) -> [Int] {
        let n = prerequisites.count
        var dependents = [[Int]](repeating: [], count: n)
        var pending = [Int](repeating: 0, count: n)
        for i in 0..<n {
            for p in prerequisites[i] {
                dependents[p].append(i)
            }
        }
        // Reverse topological order: items whose dependents are all done.
        for i in 0..<n { pending[i] = dependents[i].count }
        var ready = (0..<n).filter { pending[$0] == 0 }
        var height = [Int](repeating: 1, count: n)
        while let i = ready.popLast() {
            for p in prerequisites[i] {
                height[p] = max(height[p], height[i] + 1)
                pending[p] -= 1
                if pending[p] == 0 { ready.append(p) }
            }
        }
        return height
    }

    private static func attempt(
        target: Int, credits: [Int], prerequisites: [[Int]], height: [Int], cap: Int
    ) -> [[Int]]? {
        let n = credits.count
        var term = [Int](repeating: -1, count: n)
        var terms: [[Int]] = []
        var left = n
        for t in 0..<target {
            var must: [Int] = []
            var rest: [Int] = []
            for i in 0..<n where term[i] < 0 {
                let deadline = target - height[i]
                let available = prerequisites[i].allSatisfy { term[$0] >= 0 && term[$0] < t }
                if deadline <= t && !available { return nil }
                guard available else { continue }
                if deadline <= t { must.append(i) } else { rest.append(i) }
            }
            let used = must.reduce(0) { $0 + credits[$1] }
            guard used <= cap else { return nil }
            let chosen = must + fill(rest, room: cap - used, credits: credits, height: height)
            for i in chosen { term[i] = t }
            left -= chosen.count
            terms.append(chosen.sorted())
            if left == 0 { return terms }
        }
        return nil
    }

    /// The subset of `items` with the most credits within `room`, taller items first among equal
    /// fills (0/1 knapsack; a greedy fill when the table would be large).
    private static func fill(_ items: [Int], room: Int, credits: [Int], height: [Int]) -> [Int] {
        guard !items.isEmpty, room >= 0 else { return [] }
        let order = items.sorted { (height[$0], credits[$0], -$0) > (height[$1], credits[$1], -$1) }
        guard order.count * (room + 1) <= 4_000_000 else {
            var left = room
            return order.filter { i in
                guard credits[i] <= left else { return false }
                left -= credits[i]
                return true
            }
        }
        // Value: credits first, then height (the sum of heights stays below `scale`).
        let scale = order.reduce(1) { $0 + height[$1] }
        var best = [Int](repeating: 0, count: room + 1)
        var took = [[Bool]](repeating: [Bool](repeating: false, count: room + 1), count: order.count)
        for (k, i) in order.enumerated() {
            let weight = credits[i]
            let value = weight * scale + height[i]
            guard weight <= room else { continue }
            for c in stride(from: room, through: weight, by: -1) where best[c - weight] + value > best[c] {
                best[c] = best[c - weight] + value
                took[k][c] = true
            }
        }
        var chosen: [Int] = []
        var c = room
        for k in stride(from: order.count - 1, through: 0, by: -1) where took[k][c] {
            chosen.append(order[k])
            c -= credits[order[k]]
        }
        return chosen
    }

    /// Plain list scheduling (always succeeds): each term takes available items, tallest first.
    private static func listSchedule(credits: [Int], prerequisites: [[Int]], height: [Int], cap: Int) -> [[Int]] {
        let n = credits.count
        var term = [Int](repeating: -1, count: n)
        var terms: [[Int]] = []
        var left = n
        while left > 0 {
            let t = terms.count
            let available = (0..<n).filter { i in
                term[i] < 0 && prerequisites[i].allSatisfy { term[$0] >= 0 && term[$0] < t }
            }
            let chosen = fill(available, room: cap, credits: credits, height: height)
            // Every item fits a term on its own, so a term with nothing placed means a broken input.
            guard !chosen.isEmpty else { break }
            for i in chosen { term[i] = t }
            left -= chosen.count
            terms.append(chosen.sorted())
        }
        return terms
    }
}
