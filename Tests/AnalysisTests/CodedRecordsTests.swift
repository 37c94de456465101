import Analysis
import Catalog
import Testing

/// Needs coded once and read by every table of a report: counts, a round's part, format names.
@Suite struct CodedRecordsTests {
    @Test func countsAreNeedsOrganisationsAndRegionsNamed() {
        // Given the seven hand-written needs of six organisations in four regions
        let coded = CodedRecords(Records.small)

        // Then the counts are those of the records
        let counts = coded.counts
        #expect(counts.needs == 7)
        #expect(counts.organisations == 6)
        #expect(counts.regions == 4)
    }

    @Test func aRoundKeepsOnlyItsResponsesAndAnUnknownRoundNone() {
        // Given needs of two rounds, organisation 1 answering both
        let records = [
            Records.need(1, "kokkola", "CELL02", people: 3, round: "2026"),
            Records.need(1, "kokkola", "CELL02", people: 5, round: "2027"),
            Records.need(2, "vaasa", "RAW04", people: 7, round: "2027"),
        ]
        let coded = CodedRecords(records)

        // When one round is kept
        let round = coded.filtered(round: "2027")

        // Then its needs are those of that round, and a round nobody answered has none
        var people: [Int32] = []
        round.visit { _, needs in people += needs.map(\.people) }
        #expect(people.sorted() == [5, 7])
        #expect(round.counts.needs == 2)
        #expect(coded.filtered(round: "2030").counts == (needs: 0, organisations: 0, regions: 0))
    }

    @Test func aScanGatheredIsVisitedAsItWasScanned() throws {
        // Given the coded needs visited once and gathered from that visit
        let original = CodedRecords(Records.small)
        let gathered = try CodedRecords(codebook: original.codebook, scan: original.scan)

        // Then both visit the same responses and needs, and name the same formats
        var first: [[CodedNeed]] = []
        var second: [[CodedNeed]] = []
        original.visit { _, needs in first.append(needs) }
        gathered.visit { _, needs in second.append(needs) }
        #expect(first == second)
        let module = original.codebook.formats.firstIndex(of: "module").map { UInt32(1) << UInt32($0) } ?? 0
        #expect(original.formatNames(module) == ["module"])
        #expect(original.formatNames(0).isEmpty)
    }

    @Test func aScanThatInterleavesOrganisationsIsGatheredOrganisationByOrganisation() throws {
        // Given a scan visiting organisation 1, then 2, then 1 again
        let original = CodedRecords(Records.small)
        var visits: [(CodedResponse, [CodedNeed])] = []
        original.visit { response, needs in visits.append((response, needs)) }
        let first = try #require(visits.first)
        let second = try #require(visits.first { $0.0.organisation != first.0.organisation })
        let interleaved = [first, second, first]

        // When it is gathered
        let gathered = try CodedRecords(codebook: original.codebook) { visit in
            for (response, needs) in interleaved { try visit(response, needs) }
        }

        // Then each organisation's responses are together, and it counts two organisations
        var order: [Int] = []
        gathered.visit { response, _ in order.append(response.organisation) }
        #expect(order == [first.0.organisation, first.0.organisation, second.0.organisation])
        #expect(gathered.counts.organisations == 2)
    }
}
