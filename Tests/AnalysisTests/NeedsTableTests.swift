import Analysis
import Catalog
import CatalogFixtures
import Testing

@Suite struct NeedsTableTests {
    private func table(_ records: [NeedRecord], _ query: NeedsQuery) throws -> NeedsTable {
        NeedsAnalysis(catalog: try ShippedCatalog.load()).table(records, query: query)
    }

    @Test func cellsMatchAHandComputation() throws {
        // Given the small record set and the shipped weights
        // (horizon now 1 y × 1.0, 1-2y 2 y × 0.8, 3-5y 3 y × 0.6; priority p × 0.2)
        // When the needs are tabled by skill
        let table = try table(Records.small, NeedsQuery(by: [.skill], minRespondents: 3))

        // Then each cell is what a hand computation gives
        let cell = try #require(table.cell(["CELL02"]))
        #expect(cell.people == 10 + 5 + 4 + 6)
        #expect(cell.respondents == 3)
        #expect(abs(cell.peoplePerYear - (10.0 / 1 + 5.0 / 3 + 4.0 / 2 + 6.0 / 1)) < 1e-9)
        #expect(abs(cell.index - (10 * 1.0 * 1.0 + 5 * 0.6 * 0.6 + 4 * 0.8 * 0.8 + 6 * 1.0 * 0.2)) < 1e-9)
        #expect(abs(cell.share - 3.0 / 6.0) < 1e-9)
        #expect(!cell.isSuppressed)

        let raw = try #require(table.cell(["RAW04"]))
        #expect(raw.people == 12)
        #expect(raw.respondents == 3)
        #expect(abs(raw.peoplePerYear - (3.0 + 7.0 / 3 + 2.0 / 2)) < 1e-9)
        #expect(abs(raw.index - (3 * 1.0 * 0.4 + 7 * 0.6 * 1.0 + 2 * 0.8 * 0.6)) < 1e-9)

        let total = try #require(table.grandTotal)
        #expect(total.people == 37)
        #expect(total.respondents == 6)
        #expect(abs(total.share - 1) < 1e-9)
        #expect(abs(total.index - (cell.index + raw.index)) < 1e-9)
        #expect(table.organisations == 6)
        #expect(table.minRespondents == 3)
    }

    @Test func cellsComeInCatalogueOrderWithMarginsLast() throws {
        // Given records of several regions
        // When tabled by region
        let table = try table(Records.small, NeedsQuery(by: [.region], minRespondents: 3))

        // Then the regions follow the catalogue (Kokkola, Vaasa, Pori, Turku), then the total
        #expect(table.cells.map(\.keys) == [["kokkola"], ["vaasa"], ["pori"], ["turku"], [nil]])
    }

    @Test func aNeedCountsInEachOfItsFormatsButOnceInTheTotal() throws {
        // Given one need naming both degree and module
        // When tabled by format
        let table = try table(Records.small, NeedsQuery(by: [.format], minRespondents: 1))

        // Then that need's people count under both formats
        #expect(table.cell(["module"])?.people == 10 + 5 + 3 + 2)
        #expect(table.cell(["degree"])?.people == 5 + 7)
        #expect(table.cell(["short-course"])?.people == 4)
        #expect(table.cell([""])?.people == 6)
        #expect(table.cell(["module"])?.respondents == 3)
        // And the total counts every need once, as every other table does
        let total = try #require(table.grandTotal)
        #expect(total.people == 37)
        #expect(total.respondents == 6)
        let bySkill = try self.table(Records.small, NeedsQuery(by: [.skill], minRespondents: 1))
        #expect(abs(total.peoplePerYear - (bySkill.grandTotal?.peoplePerYear ?? 0)) < 1e-9)
        #expect(abs(total.index - (bySkill.grandTotal?.index ?? 0)) < 1e-9)
    }

    @Test func aFormatMarginCountsEachNeedOnceInTwoDimensions() throws {
        // Given the need with two formats
        // When tabled by skill and format
        let table = try table(Records.small, NeedsQuery(by: [.skill, .format], minRespondents: 1))

        // Then the skill's margin over formats is its people, not more
        #expect(table.cell(["CELL02", nil])?.people == 25)
        #expect(table.cell(["CELL02", "module"])?.people == 15)
        #expect(table.cell([nil, "module"])?.people == 20)
    }

    @Test func filtersKeepOnlyTheChosenValues() throws {
        // Given a filter on Pori and Vaasa
        let query = NeedsQuery(by: [.skill], filters: [.region: ["pori", "vaasa"]], minRespondents: 1)

        // When tabled
        let table = try table(Records.small, query)

        // Then only their needs count, and the share is over their organisations
        #expect(table.organisations == 4)
        #expect(table.cell(["CELL02"])?.people == 10)
        #expect(table.cell(["RAW04"])?.people == 10)
        #expect(table.cell(["CELL02"])?.share == 0.5)
        #expect(table.grandTotal?.people == 20)
    }

    @Test func aFormatFilterKeepsNeedsNamingIt() throws {
        // Given a filter on the module format
        let query = NeedsQuery(by: [.skill], filters: [.format: ["module"]], minRespondents: 1)

        // When tabled
        let table = try table(Records.small, query)

        // Then the needs naming module (among others) count
        #expect(table.cell(["CELL02"])?.people == 15)
        #expect(table.cell(["RAW04"])?.people == 5)
        #expect(table.organisations == 3)
    }

    @Test func aCellWithFewerThanKOrganisationsIsSuppressed() throws {
        // Given RAW04 needed by only two organisations
        let records = Records.small.filter { $0.organisation != 6 }

        // When tabled by skill with K = 3
        let table = try table(records, NeedsQuery(by: [.skill], minRespondents: 3))

        // Then RAW04 is suppressed as primary
        #expect(table.cell(["RAW04"])?.suppression == .primary)
        #expect(table.cell(["RAW04"])?.respondents == 2)
        // And since the published total minus CELL02 would reveal RAW04, CELL02 is suppressed too
        #expect(table.cell(["CELL02"])?.suppression == .complementary)
        #expect(table.grandTotal?.isSuppressed == false)
        #expect(table.grandTotal?.respondents == 5)
    }

    @Test func aHiddenTotalIsNotLeftRecoverableFromItsPublishedLine() throws {
        // Given REC06 named by two organisations in Pori (777 people), and the testing group needed
        // only in Turku, by three organisations (9 people)
        var records: [NeedRecord] = []
        for (region, first) in [("kokkola", 1), ("vaasa", 4), ("pori", 7)] {
            for organisation in first..<first + 3 {
                records.append(Records.need(organisation, region, "CELL02", people: 4 + organisation))
            }
        }
        for organisation in 1...3 { records.append(Records.need(organisation, "kokkola", "RAW04", people: 20)) }
        for organisation in 10...12 { records.append(Records.need(organisation, "turku", "TEST03", people: 3)) }
        records.append(Records.need(7, "pori", "REC06", people: 700))
        records.append(Records.need(8, "pori", "REC06", people: 77))

        // When tabled by skill group and region
        let table = try table(records, NeedsQuery(by: [.skillGroup, .region], minRespondents: 3))

        // Then the recycling total is hidden (two organisations)
        #expect(table.cell(["REC", nil])?.suppression == .primary)
        // And if the testing total is hidden to protect it, the Turku cell that equals it is hidden too,
        // or the grand total minus the published group totals would give 777
        if table.cell(["TEST", nil])?.isSuppressed == true {
            #expect(table.cell(["TEST", "turku"])?.isSuppressed == true)
        }
        // And in general no line, counting its margin, hides exactly one entry
        for dimension in 0..<2 {
            var lines: [[String?]: [NeedsCell]] = [:]
            for cell in table.cells where cell.keys[dimension] != nil {
                var key = cell.keys
                key[dimension] = nil
                lines[key, default: []].append(cell)
            }
            for (key, members) in lines {
                let hidden = members.filter(\.isSuppressed).count + (table.cell(key)?.isSuppressed == true ? 1 : 0)
                #expect(hidden != 1, "line \(key) hides exactly one entry")
            }
        }
    }

    @Test func aTrueZeroIsShownNotSuppressed() throws {
        // Given records where nobody in Turku needs CELL02
        // When tabled by region and skill with K = 1
        let table = try table(Records.small, NeedsQuery(by: [.region, .skill], minRespondents: 1))

        // Then the Turku × CELL02 cell is a published 0
        let zero = try #require(table.cell(["turku", "CELL02"]))
        #expect(zero.people == 0 && zero.respondents == 0)
        #expect(!zero.isSuppressed)
    }

    @Test func minRespondentsCanRaiseKButNeverLowerIt() throws {
        // Given the catalogue's K = 3
        // Then a query asking 1 still uses 3, and one asking 4 uses 4
        #expect(try table(Records.small, NeedsQuery(by: [.skill], minRespondents: 1)).minRespondents == 3)
        let raised = try table(Records.small, NeedsQuery(by: [.skill], minRespondents: 4))
        #expect(raised.minRespondents == 4)
        #expect(raised.cell(["CELL02"])?.suppression == .primary)
        #expect(raised.cell(["RAW04"])?.suppression == .primary)
        #expect(raised.grandTotal?.isSuppressed == false)
    }

    @Test func noRecordsGiveAnEmptyTotal() throws {
        // Given no records
        let table = try table([], NeedsQuery(by: [.region, .skill], minRespondents: 3))

        // Then only a zero total remains
        #expect(table.cells.map(\.keys) == [[nil, nil]])
        #expect(table.grandTotal?.people == 0)
        #expect(table.organisations == 0)
    }

    @Test func dimensionsParseFromTheByOption() throws {
        // Given --by lists, one with a repeated and one with a misspelt dimension
        // Then repeats collapse, and the misspelt word is named with the valid ones
        #expect(try Dimension.parseList("region, skill-group,region").get() == [.region, .skillGroup])
        guard case .failure(let error) = Dimension.parseList("region,skil") else {
            Issue.record("a misspelt dimension was accepted")
            return
        }
        #expect(error.word == "skil")
        #expect(error.description.contains("unknown dimension \"skil\" in --by"))
    }
}
