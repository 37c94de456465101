import Analysis
import Catalog
import CatalogFixtures
import Testing

/// `analyze trends`: the same cells in each round, with the change where both ends are published.
@Suite struct TrendsTests {
    static func records(cellIn2027: Int) -> [NeedRecord] {
        var records: [NeedRecord] = []
        for organisation in 1...3 {
            records.append(
                Records.need(organisation, "vaasa", "RAW04", people: organisation == 1 ? 4 : 3, round: "2026"))
        }
        for organisation in 1...4 {
            records.append(Records.need(organisation, "vaasa", "RAW04", people: 4, round: "2027"))
        }
        for organisation in 5...7 {
            records.append(Records.need(organisation, "pori", "CELL02", people: 2, round: "2026"))
        }
        for organisation in 8..<(8 + cellIn2027) {
            records.append(Records.need(organisation, "pori", "CELL02", people: 3, round: "2027"))
        }
        return records
    }

    @Test func changeAndDirectionBetweenTheFirstAndLastRound() throws {
        // Given RAW04 needed by 3 organisations in 2026 (10 people) and 4 in 2027 (16 people),
        // CELL02 by 3 in each round (6, then 9 people)
        let analysis = NeedsAnalysis(catalog: try ShippedCatalog.load())

        // When trends are computed by skill
        let trends = analysis.trends(Self.records(cellIn2027: 3), query: NeedsQuery(by: [.skill], minRespondents: 3))

        // Then the rounds are in order and each cell's change is last − first
        #expect(trends.rounds == ["2026", "2027"])
        let raw = try #require(trends.rows.first { $0.keys == ["RAW04"] })
        #expect(raw.points.map(\.people) == [10, 16])
        #expect(raw.points.map(\.respondents) == [3, 4])
        #expect(raw.change == 6 && raw.direction == .up)
        let cell = try #require(trends.rows.first { $0.keys == ["CELL02"] })
        #expect(cell.points.map(\.people) == [6, 9] && cell.change == 3)
        let total = try #require(trends.rows.first { $0.keys == [nil] })
        #expect(total.points.map(\.people) == [16, 25] && total.direction == .up)
    }

    @Test func aRoundCellUnderKIsHiddenAndCannotBeRecovered() throws {
        // Given CELL02 named by a single organisation in 2027
        let analysis = NeedsAnalysis(catalog: try ShippedCatalog.load())

        // When trends are computed by skill
        let trends = analysis.trends(Self.records(cellIn2027: 1), query: NeedsQuery(by: [.skill], minRespondents: 3))

        // Then that value is hidden and no change is given for CELL02
        let cell = try #require(trends.rows.first { $0.keys == ["CELL02"] })
        #expect(cell.points.last?.people == nil)
        #expect(cell.change == nil && cell.direction == nil)
        // And neither the 2027 total minus RAW04 nor CELL02's all-round total minus 2026 reveals it:
        // another 2027 value and CELL02's 2026 value are hidden too
        let raw = try #require(trends.rows.first { $0.keys == ["RAW04"] })
        let total = try #require(trends.rows.first { $0.keys == [nil] })
        #expect([raw.points.last?.people, total.points.last?.people].contains { $0 == nil })
        #expect(cell.points.first?.people == nil)
    }
}
