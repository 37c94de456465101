import Analysis
import Catalog
import CatalogFixtures
import Testing

/// `analyze challenges` on hand-written records: a challenge is shared when at least N regions
/// each have at least K organisations naming it.
@Suite struct ChallengesTests {
    static func named(
        _ organisation: Int, _ region: String, _ challenge: String, interest: [String] = [],
        infrastructures: [String] = []
    ) -> ChallengeRecord {
        ChallengeRecord(
            organisation: organisation, region: region, challenge: challenge, interest: interest,
            infrastructures: infrastructures)
    }

    @Test func sharedChallengesCountOnlyRegionsWithKOrganisations() throws {
        // Given "black-mass-yields" named by 3 organisations in each of Kokkola, Vaasa and Pori and
        // by 2 in Turku; "battery-safety" by 3 in each of two regions only
        let catalog = try ShippedCatalog.load()
        var records: [ChallengeRecord] = []
        var organisation = 0
        for region in ["kokkola", "vaasa", "pori"] {
            for index in 0..<3 {
                organisation += 1
                records.append(
                    Self.named(
                        organisation, region, "black-mass-yields",
                        interest: index == 0 ? ["national"] : ["national", "horizon-europe"],
                        infrastructures: index < 2 ? ["infra-a"] : []))
            }
        }
        for _ in 0..<2 {
            organisation += 1
            records.append(Self.named(organisation, "turku", "black-mass-yields", interest: ["horizon-europe"]))
        }
        for region in ["kokkola", "vaasa"] {
            for _ in 0..<3 {
                organisation += 1
                records.append(Self.named(organisation, region, "battery-safety"))
            }
        }
        // (an organisation naming the challenge in two responses counts once)
        records.append(Self.named(1, "kokkola", "black-mass-yields", interest: ["national"]))

        // When shared challenges are found with K = 3 and N = 3 (the catalogue's)
        let shared = NeedsAnalysis(catalog: catalog).sharedChallenges(records, minRespondents: 3)

        // Then only black-mass-yields is shared, over the three regions with 3 organisations each
        #expect(catalog.settings.sharedRegions == 3)
        #expect(shared.map(\.challenge) == ["black-mass-yields"])
        let challenge = try #require(shared.first)
        #expect(challenge.regions.map(\.region) == ["kokkola", "vaasa", "pori"])
        #expect(challenge.regions.map(\.organisations) == [3, 3, 3])
        // And Turku's two organisations are counted nowhere
        #expect(challenge.organisations == 9)
        // And all 9 want a national project; 6 a Horizon Europe consortium (3 do not: shown)
        #expect(challenge.national == 9 && challenge.horizonEurope == 6)
        // And infra-a, named by 6 of them, is listed
        #expect(challenge.infrastructures.map(\.infrastructure) == ["infra-a"])
        #expect(challenge.infrastructures.first?.organisations == 6)
    }

    @Test func anInterestCountThatWouldSingleOutFewerThanKIsSuppressed() throws {
        // Given 9 organisations in three regions, of which 8 want Horizon Europe and 1 does not
        let catalog = try ShippedCatalog.load()
        var records: [ChallengeRecord] = []
        for organisation in 0..<9 {
            records.append(
                Self.named(
                    organisation, ["kokkola", "vaasa", "pori"][organisation % 3], "battery-safety",
                    interest: organisation == 0 ? ["national"] : ["horizon-europe"]))
        }

        // When shared challenges are found
        let challenge = try #require(
            NeedsAnalysis(catalog: catalog).sharedChallenges(records, minRespondents: 3).first)

        // Then 9 − 8 would reveal the one without interest: both interest counts are suppressed
        #expect(challenge.organisations == 9)
        #expect(challenge.horizonEurope == nil && challenge.national == nil)
    }
}
