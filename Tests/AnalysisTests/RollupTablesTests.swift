import Analysis
import Catalog
import CatalogFixtures
import Testing

/// A table read from maintained rollup cells equals the table a full scan of the records gives.
@Suite struct RollupTablesTests {
    /// Rollup cells as a store keeps them, computed here straight from the records.
    static func rollups(_ records: [NeedRecord], _ definition: RollupDefinition) -> [RollupCell] {
        var organisations: [[String: String]: Set<Int>] = [:]
        var demand: [[String: String]: [RollupCell.Demand: Int]] = [:]
        for record in records {
            let attributes = [
                "region": record.region, "skill": record.skill, "horizon": record.horizon,
                "skill-group": definition.skillGroups[record.skill] ?? "",
            ]
            for grouping in definition.groupings {
                var values: [String: String] = [:]
                for name in grouping { values[name] = attributes[name] }
                organisations[values, default: []].insert(record.organisation)
                demand[values, default: [:]][
                    RollupCell.Demand(horizon: record.horizon, priority: record.priority, people: 0), default: 0] +=
                    record.people
            }
        }
        return organisations.map { values, members in
            RollupCell(
                values: values, organisations: members.count,
                demand: (demand[values] ?? [:]).map {
                    RollupCell.Demand(horizon: $0.key.horizon, priority: $0.key.priority, people: $0.value)
                })
        }
    }

    @Test(arguments: [31, 32, 33] as [UInt64])
    func everyMaintainedTableEqualsTheScan(seed: UInt64) throws {
        // Given seeded records and the rollups of the catalogue's definition
        let catalog = try ShippedCatalog.load()
        let analysis = NeedsAnalysis(catalog: catalog)
        var seeded = SeededRecords(seed: seed)
        let records = seeded.records(organisations: 25, count: 150)
        let rollups = Self.rollups(records, analysis.rollupDefinition)
        let queries: [[Dimension]] = [
            [.region, .skill, .horizon], [.skillGroup, .region], [.region, .skillGroup], [.skill], [.skill, .region],
            [.region], [.horizon, .skill],
        ]
        for by in queries {
            // When a query the rollups hold is answered from them
            let query = NeedsQuery(by: by, minRespondents: 3)
            let groupings = try #require(analysis.rollupGroupings(for: query), "\(by)")
            let wanted = rollups.filter { cell in groupings.contains { Set($0) == Set(cell.values.keys) } }
            let fromRollups = analysis.table(rollups: wanted, query: query)

            // Then it is the scan's table, cell for cell (suppression included)
            let scanned = analysis.table(records, query: query)
            #expect(fromRollups.cells.map(\.keys) == scanned.cells.map(\.keys), "\(by)")
            for (a, b) in zip(fromRollups.cells, scanned.cells) {
                #expect(a.people == b.people && a.respondents == b.respondents && a.suppression == b.suppression)
                #expect(abs(a.peoplePerYear - b.peoplePerYear) < 1e-9 && abs(a.index - b.index) < 1e-9)
            }
            #expect(fromRollups.organisations == scanned.organisations)
        }
    }

    @Test func filteredOrUnmaintainedQueriesNeedAScan() throws {
        let analysis = NeedsAnalysis(catalog: try ShippedCatalog.load())
        #expect(analysis.rollupGroupings(for: NeedsQuery(by: [.sector], minRespondents: 3)) == nil)
        #expect(
            analysis.rollupGroupings(for: NeedsQuery(by: [.region, .skill, .skillGroup], minRespondents: 3)) == nil)
        #expect(
            analysis.rollupGroupings(
                for: NeedsQuery(by: [.skill], filters: [.region: ["vaasa"]], minRespondents: 3)) == nil)
        #expect(
            analysis.rollupGroupings(for: NeedsQuery(by: [.region, .skill, .horizon], minRespondents: 3))?.count == 8)
    }
}
