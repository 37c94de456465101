import Catalog

/// One cell's value in one survey round; nil values are suppressed.
package struct TrendPoint: Sendable, Hashable {
    package var round: String
    package var people: Int?
    package var respondents: Int?
    package var peoplePerYear: Double?
}

package enum TrendDirection: String, Sendable, Hashable {
    case up, down, flat
}

/// A cell of `analyze needs` followed across rounds.
package struct TrendRow: Sendable, Hashable {
    /// One value per dimension; nil = the total over that dimension.
    package var keys: [String?]
    package var points: [TrendPoint]
    /// People in the last round − in the first, when both are published.
    package var change: Int?
    package var direction: TrendDirection?
}

/// `analyze trends`: the same cells in every survey round, suppressed like every table: the
/// cell × round table is suppressed as a whole (its margins over rounds included) before any
/// value is shown, and a change is only computed between published values.
package struct TrendTable: Sendable, Hashable {
    package var dimensions: [Dimension]
    package var rounds: [String]
    package var rows: [TrendRow]
    package var minRespondents: Int
}

extension NeedsAnalysis {
    package func trends(_ records: [NeedRecord], query: NeedsQuery) -> TrendTable {
        let coded = CodedRecords(records)
        return (try? trends(codebook: coded.codebook, query: query, scan: coded.scan))
            ?? TrendTable(dimensions: query.by, rounds: [], rows: [], minRespondents: query.minRespondents)
    }

    package func trends(
        codebook: NeedCodebook, query: NeedsQuery, scan: (CodedNeedVisitor) throws -> Void
    ) throws -> TrendTable {
        var byRound = query
        byRound.by = query.by.filter { $0 != .round } + [.round]
        let table = try table(codebook: codebook, query: byRound, scan: scan)
        let roundPosition = byRound.by.count - 1
        var rounds: [String] = []
        for cell in table.cells {
            if let round = cell.keys[roundPosition], !rounds.contains(round) { rounds.append(round) }
        }
        rounds = CatalogOrder(catalog).sorted(rounds, .round)
        var cells: [[String?]: NeedsCell] = [:]
        for cell in table.cells { cells[cell.keys] = cell }
        var rows: [TrendRow] = []
        var seen = Set<[String?]>()
        for cell in table.cells where cell.keys[roundPosition] != nil {
            let keys = Array(cell.keys[..<roundPosition])
            guard seen.insert(keys).inserted else { continue }
            let points = rounds.map { round -> TrendPoint in
                guard let value = cells[keys + [round]] else {
                    return TrendPoint(round: round, people: 0, respondents: 0, peoplePerYear: 0)
                }
                if value.isSuppressed {
                    return TrendPoint(round: round, people: nil, respondents: nil, peoplePerYear: nil)
                }
                return TrendPoint(
                    round: round, people: value.people, respondents: value.respondents,
                    peoplePerYear: value.peoplePerYear)
            }
            var change: Int?
            if rounds.count >= 2, let first = points.first?.people, let last = points.last?.people {
                change = last - first
            }
            rows.append(
                TrendRow(
                    keys: keys, points: points, change: change,
                    direction: change.map { $0 > 0 ? .up : $0 < 0 ? .down : .flat }))
        }
        return TrendTable(
            dimensions: byRound.by.dropLast(), rounds: rounds, rows: rows, minRespondents: table.minRespondents)
    }
}
