import Analysis
import Catalog
import CatalogFixtures
import Testing

/// Complementary suppression checked on many seeded random record sets, for every `--by` of one or
/// two dimensions: no published cell has 1…K−1 organisations, no line with a published margin
/// hides exactly one cell (which the margin minus the others would reveal), and no hidden margin
/// has its whole line published (the sum of the line would reveal it).
@Suite struct SuppressionPropertyTests {
    static let runs = 200

    private struct Generator {
        var random: SeededGenerator

        mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

        /// A few to `most` organisations, each in a region, with 5 to 5 + `spread` needs in all.
        mutating func records(most: Int = 16, spread: Int = 50) -> [NeedRecord] {
            let organisations = 3 + Int(random.next() % UInt64(most - 2))
            let regionOf = (0..<organisations).map { _ in pick(["kokkola", "vaasa", "pori", "turku", "other"]) }
            let count = 5 + Int(random.next() % UInt64(spread))
            return (0..<count).map { _ in
                let organisation = Int(random.next() % UInt64(organisations))
                let skill = pick(["CELL02", "CELL06", "RAW04", "REG04", "TEST03"])
                let formats = ["degree", "module", "short-course"].filter { _ in random.next() % 3 == 0 }
                return Records.need(
                    organisation, random.next() % 5 == 0 ? pick(["kokkola", "vaasa"]) : regionOf[organisation],
                    skill, level: 1 + Int(random.next() % 4), people: 1 + Int(random.next() % 40),
                    horizon: pick(["now", "1-2y", "3-5y"]), priority: 1 + Int(random.next() % 5), formats: formats,
                    sector: pick(["chemicals", "mining", "recycling"]), size: pick(["small", "large"]),
                    round: pick(["2026", "2027"]))
            }
        }
    }

    static let byLists: [[Dimension]] = {
        let all = Dimension.allCases
        var lists = all.map { [$0] }
        for (i, a) in all.enumerated() { for b in all[(i + 1)...] { lists.append([a, b]) } }
        return lists
    }()

    @Test func suppressionProtectsEveryCellOfEveryTable() throws {
        let analysis = NeedsAnalysis(catalog: try ShippedCatalog.load())
        var generator = Generator(random: SeededGenerator(seed: 2026))
        var checkedLines = 0
        var linesWithHiddenCells = 0
        for run in 0..<Self.runs {
            // Given a random record set
            let records = generator.records()
            let k = 3 + run % 2
            for by in Self.byLists {
                // When it is tabled
                let table = analysis.table(records, query: NeedsQuery(by: by, minRespondents: k))

                // Then no published cell has fewer than K organisations (a true zero is fine)
                for cell in table.cells where !cell.isSuppressed {
                    #expect(
                        cell.respondents == 0 || cell.respondents >= k,
                        "run \(run) by \(by): \(cell.keys) published with \(cell.respondents) organisations")
                }
                // And no line with a published margin hides exactly one cell
                for dimension in by.indices {
                    var lines: [[String?]: [NeedsCell]] = [:]
                    for cell in table.cells where cell.keys[dimension] != nil {
                        var key = cell.keys
                        key[dimension] = nil
                        lines[key, default: []].append(cell)
                    }
                    for (key, members) in lines {
                        guard let margin = table.cell(key) else { continue }
                        checkedLines += 1
                        let hidden = members.filter(\.isSuppressed).count
                        if hidden > 0 { linesWithHiddenCells += 1 }
                        #expect(
                            margin.isSuppressed || hidden == 0 || hidden >= 2,
                            "run \(run) by \(by): line \(key) hides only one cell of \(members.count)")
                        // A hidden margin is the sum of its line: all members published would give it away
                        #expect(
                            !margin.isSuppressed || hidden >= 1,
                            "run \(run) by \(by): margin \(key) is hidden but its whole line is published")
                        // A margin over anything but the formats is the sum of its line
                        if by[dimension] != .format {
                            #expect(margin.people == members.reduce(0) { $0 + $1.people })
                        }
                    }
                }
                // And the total counts every need once
                if let total = table.grandTotal, !records.isEmpty {
                    #expect(total.people == records.reduce(0) { $0 + $1.people })
                }
            }
        }
        // The generator does produce lines with suppressed cells, so the property was exercised
        #expect(checkedLines > 10_000)
        #expect(linesWithHiddenCells > 1_000)
    }

    @Test func sharedNeedsRestOnlyOnPublishedCells() throws {
        let catalog = try ShippedCatalog.load()
        let analysis = NeedsAnalysis(catalog: catalog)
        var generator = Generator(random: SeededGenerator(seed: 7))
        var found = 0
        for _ in 0..<Self.runs {
            // Given a random record set with many organisations
            let records = generator.records(most: 60, spread: 200)

            // When the shared needs are listed
            let shared = analysis.sharedNeeds(records, minRespondents: 3)
            let table = analysis.table(records, query: NeedsQuery(by: [.skill, .region], minRespondents: 3))

            // Then each rests on ≥ N project regions whose cells are published with ≥ K organisations
            for need in shared {
                found += 1
                #expect(need.regions.count >= catalog.settings.sharedRegions)
                #expect(!need.regions.contains(catalog.settings.otherRegion))
                var people = 0
                for region in need.regions {
                    let cell = try #require(table.cell([need.skill, region]))
                    #expect(!cell.isSuppressed && cell.respondents >= 3)
                    people += cell.people
                }
                #expect(need.people == people)
            }
        }
        #expect(found > 0)
    }
}
