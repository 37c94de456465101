import Analysis
import Catalog
import CatalogFixtures
import Testing

@Suite struct SharedAndPlannableTests {
    /// CELL02 by three organisations in each of Kokkola, Vaasa and Pori (large demand); RAW04 by
    /// three in Kokkola and Vaasa but two in Turku; TEST01 in Kokkola, Vaasa and the other region.
    private static let records: [NeedRecord] = {
        var records: [NeedRecord] = []
        for (region, first) in [("kokkola", 1), ("vaasa", 4), ("pori", 7)] {
            for organisation in first..<first + 3 {
                records.append(Records.need(organisation, region, "CELL02", people: 30))
            }
        }
        for organisation in [1, 2, 3, 4, 5, 6] {
            records.append(Records.need(organisation, organisation <= 3 ? "kokkola" : "vaasa", "RAW04", people: 20))
        }
        records.append(Records.need(10, "turku", "RAW04", people: 1))
        records.append(Records.need(11, "turku", "RAW04", people: 1))
        for organisation in [1, 2, 3, 4, 5, 6, 15, 16, 17] {
            let region = organisation <= 3 ? "kokkola" : organisation <= 6 ? "vaasa" : "other"
            records.append(Records.need(organisation, region, "TEST01", people: 25))
        }
        return records
    }()

    @Test func sharedNeedsCountOnlyPublishedProjectRegions() throws {
        // Given the records above, K = 3 and N = 3
        let analysis = NeedsAnalysis(catalog: try ShippedCatalog.load())

        // When the shared needs are listed
        let shared = analysis.sharedNeeds(Self.records, minRespondents: 3)

        // Then only CELL02 is shared: RAW04 has two organisations in Turku, TEST01's third region is "other"
        #expect(shared.map(\.skill) == ["CELL02"])
        #expect(shared.first?.regions == ["kokkola", "vaasa", "pori"])
        #expect(shared.first?.people == 270)
    }

    @Test func aHigherKRemovesSharedNeeds() throws {
        // Given K raised to 4
        let analysis = NeedsAnalysis(catalog: try ShippedCatalog.load())

        // Then no region cell has enough organisations
        #expect(analysis.sharedNeeds(Self.records, minRespondents: 4).isEmpty)
    }

    @Test func plannableLevelIsTheHighestThatKOrganisationsNeed() throws {
        // Given CELL02 needed at levels 4 and 2 (org 1), 3 (org 2), 1 (org 3), 2 (org 4); RAW04 by two
        let records = [
            Records.need(1, "kokkola", "CELL02", level: 4, people: 1, horizon: "now", formats: ["module"]),
            Records.need(1, "kokkola", "CELL02", level: 2, people: 2, horizon: "3-5y", formats: ["module", "degree"]),
            Records.need(2, "kokkola", "CELL02", level: 3, people: 4, horizon: "1-2y"),
            Records.need(3, "kokkola", "CELL02", level: 1, people: 6, horizon: "now"),
            Records.need(4, "vaasa", "CELL02", level: 2, people: 8, horizon: "now"),
            Records.need(1, "kokkola", "RAW04", level: 4, people: 5),
            Records.need(2, "kokkola", "RAW04", level: 4, people: 5),
        ]
        let analysis = NeedsAnalysis(catalog: try ShippedCatalog.load())

        // When the plannable needs of all regions are listed with K = 3
        let needs = analysis.plannableNeeds(records, region: nil, minRespondents: 3)

        // Then CELL02 is plannable at level 2 (orgs 1, 2 and 4 need 2 or more), RAW04 not at all
        #expect(needs.map(\.skill) == ["CELL02"])
        let need = try #require(needs.first)
        #expect(need.level == 2)
        #expect(need.organisations == 4)
        #expect(need.people == 21)
        #expect(abs(need.peoplePerYear - (1 + 2.0 / 3 + 4.0 / 2 + 6 + 8)) < 1e-9)
        #expect(need.formats == ["module": 2, "degree": 1])

        // And with K = 4 the level is the lowest of the four, 1
        #expect(analysis.plannableNeeds(records, region: nil, minRespondents: 4).first?.level == 1)
        // And Kokkola alone has three organisations for CELL02, at levels 4, 3, 1: level 1
        #expect(analysis.plannableNeeds(records, region: "kokkola", minRespondents: 3).map(\.level) == [1])
        #expect(analysis.plannableNeeds(records, region: "vaasa", minRespondents: 3).isEmpty)
    }
}
