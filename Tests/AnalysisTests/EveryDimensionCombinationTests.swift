import Analysis
import Catalog
import CatalogFixtures
import Testing

/// For every `--by` of one to three dimensions: the figures of each cell and margin equal a
/// direct computation from the records, and suppression holds (no published cell under K; no
/// line with a published margin hides exactly one cell).
@Suite struct EveryDimensionCombinationTests {
    static let byLists: [[Dimension]] = {
        let all = Dimension.allCases
        var lists = all.map { [$0] }
        for (i, a) in all.enumerated() {
            for (j, b) in all.enumerated() where j > i {
                lists.append([a, b])
                for c in all[(j + 1)...] { lists.append([a, b, c]) }
            }
        }
        return lists
    }()

    /// The record's values for a dimension, computed here without the analysis's code.
    static func values(_ record: NeedRecord, _ dimension: Dimension, _ catalog: Catalog) -> [String] {
        switch dimension {
        case .region: [record.region]
        case .skill: [record.skill]
        case .skillGroup: [catalog.skill(record.skill)?.group ?? ""]
        case .horizon: [record.horizon]
        case .level: [String(record.level)]
        case .sector: [record.sector]
        case .size: [record.size]
        case .format: record.formats.isEmpty ? [""] : record.formats
        case .round: [record.round]
        }
    }

    @Test func everyCellEqualsADirectComputationAndIsProtected() throws {
        // Given seeded random records over the shipped catalogue
        let catalog = try ShippedCatalog.load()
        let analysis = NeedsAnalysis(catalog: catalog)
        var seeded = SeededRecords(seed: 515)
        let records = seeded.records(organisations: 30, count: 160)
        let k = catalog.settings.minRespondents
        #expect(Self.byLists.count == 9 + 36 + 84)

        for by in Self.byLists {
            // When the table is built
            let table = analysis.table(records, query: NeedsQuery(by: by, minRespondents: k))

            // Then each cell's people, organisations, people per year and index are those of the
            // records that match it (each need once, whatever it names several of)
            for cell in table.cells {
                let matching = records.filter { record in
                    by.indices.allSatisfy {
                        cell.keys[$0] == nil || Self.values(record, by[$0], catalog).contains(cell.keys[$0] ?? "")
                    }
                }
                let people = matching.reduce(0) { $0 + $1.people }
                let perYear = matching.reduce(0.0) {
                    $0 + Double($1.people) / (catalog.settings.horizon($1.horizon)?.years ?? 1)
                }
                #expect(cell.people == people, "\(by) \(cell.keys)")
                #expect(cell.respondents == Set(matching.map(\.organisation)).count, "\(by) \(cell.keys)")
                #expect(abs(cell.peoplePerYear - perYear) < 1e-9, "\(by) \(cell.keys)")
                // And no published cell has 1…K−1 organisations
                if !cell.isSuppressed { #expect(cell.respondents == 0 || cell.respondents >= k, "\(by) \(cell.keys)") }
            }
            // And in every line (cells differing in one dimension, with its total) whose total is
            // published, the hidden cells are none or at least two
            for dimension in by.indices {
                var lines: [[String?]: [NeedsCell]] = [:]
                for cell in table.cells where cell.keys[dimension] != nil {
                    var key = cell.keys
                    key[dimension] = nil
                    lines[key, default: []].append(cell)
                }
                for (key, members) in lines {
                    guard let margin = table.cell(key), !margin.isSuppressed else { continue }
                    #expect(members.filter(\.isSuppressed).count != 1, "\(by) line \(key)")
                }
            }
        }
    }

    @Test func theFullGridShowsTrueZerosAsZeroAndSortsTheCatalogueWay() throws {
        // Given two organisations' needs in two regions for two skills
        let catalog = try ShippedCatalog.load()
        let records = [
            Records.need(1, "vaasa", "RAW04", people: 2), Records.need(2, "kokkola", "CELL02", people: 3),
        ]

        // When needs are tabulated by region and skill
        let table = NeedsAnalysis(catalog: catalog).table(
            records, query: NeedsQuery(by: [.region, .skill], minRespondents: 3))

        // Then every combination is listed (a true zero is 0, not suppressed), regions and
        // skills in catalogue order, inner cells before the margins
        let regions = catalog.regions.map(\.code).filter { ["kokkola", "vaasa"].contains($0) }
        let skills = catalog.skills.map(\.code).filter { ["RAW04", "CELL02"].contains($0) }
        #expect(table.inner.map(\.keys) == regions.flatMap { region in skills.map { [region, $0] } })
        let zero = table.cell(["kokkola", "RAW04"])
        #expect(zero?.people == 0 && zero?.isSuppressed == false)
        #expect(table.cells.firstIndex { $0.isMargin } == table.inner.count)
    }
}
