import Analysis
import Catalog
import Planner
import Testing

/// `plan consortia` on a hand-made catalogue: a proposal only for a challenge shared by ≥ N
/// regions, partners from ≥ N regions where the catalogue has them, interest shown only from K, a
/// Horizon Europe sketch only with ≥ K interested organisations and always flagged with what an EU
/// consortium lacks, and the strongest two of each kind marked.
@Suite struct ConsortiaTests {
    typealias F = ResearchFixtures

    static func plan(_ challenges: [ChallengeRecord], minRespondents: Int = 3) -> ConsortiumPlan {
        ConsortiumPlanner.plan(catalog: F.catalog(), challenges: challenges, minRespondents: minRespondents)
    }

    /// `challenge` named by three organisations in each of R1, R2, R3 (ids from `first`); the first
    /// `national` of them interested in a national project, the first `eu` in Horizon Europe.
    static func shared(_ challenge: String, from first: Int, national: Int = 0, eu: Int = 0) -> [ChallengeRecord] {
        var records: [ChallengeRecord] = []
        for (index, region) in ["R1", "R2", "R3"].enumerated() {
            records += F.naming(challenge, in: region, from: first + 3 * index)
        }
        for index in records.indices {
            if index < national { records[index].interest.append("national") }
            if index < eu { records[index].interest.append("he") }
        }
        return records
    }

    @Test func aChallengeInFewerThanNRegionsGivesNoProposal() {
        // Given ch-a named by three organisations in R1 and in R2, and by two in R3, all interested in
        // both kinds of project
        let records =
            F.naming("ch-a", in: "R1", from: 1, interest: ["national", "he"])
            + F.naming("ch-a", in: "R2", from: 4, interest: ["national", "he"])
            + F.naming("ch-a", in: "R3", from: 7, count: 2, interest: ["national", "he"])

        // When consortia are planned with K = 3 and N = 3
        let plan = Self.plan(records)

        // Then there is no proposal and no sketch
        #expect(plan.national.isEmpty && plan.horizon.isEmpty && plan.withoutHorizon.isEmpty)
    }

    @Test func aSharedChallengeGetsPartnersFromNRegionsRankedByMatch() throws {
        // Given ch-b (skill group B) named in R1, R2 and R3 by three organisations each, all interested
        // in a national joint project
        let plan = Self.plan(Self.shared("ch-b", from: 1, national: 9))

        // Then the proposal counts nine organisations, all interested, in three regions
        let proposal = try #require(plan.national.first)
        #expect(proposal.challenge == "ch-b" && proposal.organisations == 9 && proposal.interested == .count(9))
        #expect(proposal.regions.map(\.region) == ["R1", "R2", "R3"])
        // And its partners come from the three regions, best match first (two B skills before one)
        #expect(proposal.partnerRegions == ["R1", "R2", "R3"])
        #expect(proposal.partners.first?.institution == "voc-r3")
        #expect(proposal.partners.map(\.institution).contains("uni-r1"))
        let uas = try #require(proposal.partners.first { $0.institution == "uas-r2" })
        #expect(uas.infrastructures == ["lab-b"])
        #expect(proposal.shortfalls.isEmpty && proposal.candidate)
    }

    @Test func aCatalogueWithoutPartnersInNRegionsSaysSo() throws {
        // Given ch-a (skill group A), which only R1, R2 and the national institute teach
        let plan = Self.plan(Self.shared("ch-a", from: 1, national: 9))

        // Then the proposal names partners from R1 and R2 and the institute, and says two regions are too few
        let proposal = try #require(plan.national.first)
        #expect(proposal.partnerRegions == ["R1", "R2"])
        #expect(Set(proposal.partners.map(\.institution)) == ["uni-r1", "uas-r2", "institute"])
        #expect(proposal.shortfalls == [.partnersInFewerRegions(have: 2, need: 3)])
    }

    @Test func interestIsShownOnlyFromKOrganisations() throws {
        // Given ch-b named by nine organisations of which two, or none, want a national project
        let two = try #require(Self.plan(Self.shared("ch-b", from: 1, national: 2)).national.first)
        let none = try #require(Self.plan(Self.shared("ch-b", from: 1)).national.first)

        // Then two is hidden, none is said, and neither proposal is a candidate
        #expect(two.interested == .suppressed && !two.candidate)
        #expect(two.shortfalls == [.interestNotShown(.suppressed)])
        #expect(none.interested == InterestCount.none && !none.candidate)
    }

    @Test func aHorizonSketchNeedsKInterestedAndIsAlwaysFlagged() throws {
        // Given ch-b with three organisations interested in Horizon Europe, and again with two
        let three = Self.plan(Self.shared("ch-b", from: 1, national: 9, eu: 3))
        let two = Self.plan(Self.shared("ch-b", from: 1, national: 9, eu: 2))

        // Then three give a sketch whose first lack is partners from three EU countries, with only
        // the catalogue's own institutions as its core (none invented)
        let sketch = try #require(three.horizon.first)
        #expect(sketch.interested == 3 && sketch.candidate)
        #expect(sketch.lacks.first == .partnersFromOtherCountries(required: 3))
        #expect(sketch.lacks.contains(.coordinator))
        let known = Set(F.institutions.map(\.code))
        #expect(!sketch.partners.isEmpty && sketch.partners.allSatisfy { known.contains($0.institution) })
        // And two give no sketch, listed with the hidden interest
        #expect(two.horizon.isEmpty)
        #expect(two.withoutHorizon == [NoHorizonSketch(challenge: "ch-b", interested: .suppressed)])
    }

    @Test func theStrongestTwoOfEachKindAreMarkedCandidates() {
        // Given three shared challenges with 9, 6 and 3 organisations (of 9 each) interested in a
        // national project and in Horizon Europe
        let records =
            Self.shared("ch-c", from: 100, national: 3, eu: 3) + Self.shared("ch-a", from: 1, national: 9, eu: 9)
            + Self.shared("ch-b", from: 50, national: 6, eu: 6)

        // When consortia are planned
        let plan = Self.plan(records)

        // Then they rank by interest, and the first two of each kind are the candidates
        #expect(plan.national.map(\.challenge) == ["ch-a", "ch-b", "ch-c"])
        #expect(plan.national.map(\.candidate) == [true, true, false])
        #expect(plan.national.map(\.rank) == [1, 2, 3])
        #expect(plan.horizon.map(\.challenge) == ["ch-a", "ch-b", "ch-c"])
        #expect(plan.horizon.map(\.candidate) == [true, true, false])
    }

    @Test func raisingKRaisesEveryThreshold() {
        // Given ch-b named by three organisations in each of three regions
        let records = Self.shared("ch-b", from: 1, national: 9, eu: 9)

        // When K is raised to 4
        let plan = Self.plan(records, minRespondents: 4)

        // Then no region reaches K, so there is nothing to propose
        #expect(plan.national.isEmpty && plan.minRespondents == 4)
    }
}
