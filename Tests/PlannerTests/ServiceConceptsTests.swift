import Analysis
import Catalog
import Planner
import Testing

/// `plan services` on a hand-made catalogue: a template becomes a concept only where at least K
/// organisations support it, every published count is at least K, and a template the data do not
/// support is listed with why.
@Suite struct ServiceConceptsTests {
    typealias F = ResearchFixtures

    static func plan(
        needs: [NeedRecord] = [], requests: [InfrastructureRequest] = [], challenges: [ChallengeRecord] = [],
        minRespondents: Int = 3
    ) -> ServicePlan {
        ServiceConcepts.plan(
            catalog: F.catalog(), needs: needs, requests: requests, challenges: challenges,
            minRespondents: minRespondents)
    }

    static func concept(_ template: String, in plan: ServicePlan) -> ServiceConcept? {
        plan.concepts.first { $0.template == template }
    }

    @Test func aTemplateIsInstantiatedOnlyWhereKOrganisationsPreferItsFormats() throws {
        // Given three organisations in R1 preferring pilot-plant training for skill group A, and two in
        // R2 for group B
        let needs =
            (1...3).map { F.need($0, "R1", "A1", formats: ["pilot-plant"]) }
            + (4...5).map { F.need($0, "R2", "B1", formats: ["pilot-plant"]) }

        // When the service concepts are planned with K = 3
        let plan = Self.plan(needs: needs)

        // Then pilot-plant training answers the R1 cell only, with its three organisations and 30 people
        let concept = try #require(Self.concept("plant-training", in: plan))
        #expect(
            concept.demand == [ServiceDemand(basis: .needs(group: "A", region: "R1"), organisations: 3, people: 30)])
        #expect(concept.organisations == 3 && concept.people == 30 && concept.regions == ["R1"])
        #expect(concept.formats == [FormatPreference(format: "pilot-plant", organisations: 3)])

        // And with one organisation fewer in R1 the template is listed as not supported, with why
        let fewer = Self.plan(needs: needs.filter { $0.organisation != 3 })
        #expect(Self.concept("plant-training", in: fewer) == nil)
        let listed = try #require(fewer.unsupported.first { $0.template == "plant-training" })
        #expect(listed.shortfalls == [.noNeedsCell(formats: ["pilot-plant"])])
    }

    @Test func aCellWhoseRemainderIsUnderKIsNotUsed() {
        // Given three organisations in R1 preferring pilot-plant training for group A, and a fourth
        // there preferring a module (the whole cell, 4 organisations, is what `analyze needs` publishes)
        let preferring = (1...3).map { F.need($0, "R1", "A1", formats: ["pilot-plant"]) }
        let oneOther = preferring + [F.need(4, "R1", "A2", formats: ["module"])]
        let threeOthers = preferring + (4...6).map { F.need($0, "R1", "A2", formats: ["module"]) }
        let oneMixed = preferring + [F.need(1, "R1", "A2", people: 7, formats: ["module"])]

        // When the concepts are planned
        // Then the cell is left out while one organisation (or one organisation's other need) would be
        // the difference, and used when the remainder is K organisations
        #expect(Self.concept("plant-training", in: Self.plan(needs: oneOther)) == nil)
        #expect(Self.concept("plant-training", in: Self.plan(needs: oneMixed)) == nil)
        #expect(Self.concept("plant-training", in: Self.plan(needs: threeOthers))?.organisations == 3)
    }

    @Test func infrastructureRequestsAreCountedPerInfrastructure() throws {
        // Given lab-a requested by four organisations in R1, lab-b by two in R2, plant-b by three in R3
        let requests =
            F.requests("lab-a", 1...4) + F.requests("lab-b", 5...6, region: "R2")
            + F.requests("plant-b", 7...9, region: "R3")

        // When the concepts are planned
        let plan = Self.plan(requests: requests)

        // Then shared lab access answers lab-a only (lab-b has too few requests; plant-b is no lab)
        let concept = try #require(Self.concept("lab-access", in: plan))
        #expect(concept.demand == [ServiceDemand(basis: .infrastructure("lab-a"), organisations: 4, people: 0)])
        #expect(concept.organisations == 4 && concept.regions == ["R1"])
        // And lab-a and its owner, a university, are its providers, marked as named by respondents
        #expect(concept.providers.map(\.code) == ["uni-r1", "lab-a"])
        #expect(concept.providers.allSatisfy { $0.requested })

        // And when only plant-b is requested, the template says a pilot plant was named, not a lab
        let plantOnly = Self.plan(requests: F.requests("plant-b", 7...9, region: "R3"))
        let listed = try #require(plantOnly.unsupported.first { $0.template == "lab-access" })
        #expect(listed.shortfalls == [.noInfrastructureRequest(types: ["lab"], otherTypes: ["plant-b"])])
    }

    @Test func overlappingPartsHideTheirCountsButNotTheTotal() throws {
        // Given lab-a requested by organisations 1–3 and lab-b by 3–5: one organisation asks for both
        let requests = F.requests("lab-a", 1...3) + F.requests("lab-b", 3...5, region: "R2")

        // When the concepts are planned
        let concept = try #require(Self.concept("lab-access", in: Self.plan(requests: requests)))

        // Then the concept counts 5 distinct organisations, and the parts' counts (3 + 3 − 5 = an
        // overlap of 1) are hidden
        #expect(concept.organisations == 5)
        #expect(concept.demand.map(\.organisations) == [nil, nil])
    }

    @Test func conceptsAreRankedByOrganisationsThenPeople() {
        // Given pilot-plant training wanted by four organisations (40 people) and lab-a by five
        let needs = (1...4).map { F.need($0, "R1", "A1", formats: ["pilot-plant"]) }
        let five = Self.plan(needs: needs, requests: F.requests("lab-a", 11...15))
        // And a second data set where lab-a is wanted by four, as many as the training
        let four = Self.plan(needs: needs, requests: F.requests("lab-a", 11...14))

        // Then more organisations rank first, and among equals more people
        #expect(five.concepts.map(\.template) == ["lab-access", "plant-training"])
        #expect(four.concepts.map(\.template) == ["plant-training", "lab-access"])
        #expect(four.concepts.map(\.rank) == [1, 2])
    }

    @Test func sharedChallengesBringJointRDWithProvidersNearestTheDemand() throws {
        // Given challenge ch-a (skill group A) named by three organisations in each of R1, R2 and R3
        let challenges =
            F.naming("ch-a", in: "R1", from: 1) + F.naming("ch-a", in: "R2", from: 4)
            + F.naming("ch-a", in: "R3", from: 7)

        // When the concepts are planned
        let plan = Self.plan(challenges: challenges)

        // Then joint R&D answers the challenge with its nine organisations in three regions
        let concept = try #require(Self.concept("joint-rd", in: plan))
        #expect(concept.demand == [ServiceDemand(basis: .challenge("ch-a"), organisations: 9, people: 0)])
        #expect(concept.regions == ["R1", "R2", "R3"] && concept.groups == ["A"])
        // And its providers are universities or research institutes teaching group A (never the
        // vocational college or the UAS), and the lab supporting A1 in R1
        let institutions = concept.providers.filter { $0.kind == .institution }
        #expect(Set(institutions.map(\.code)).isSubset(of: ["uni-r1", "institute"]))
        #expect(institutions.first?.code == "uni-r1" && institutions.first?.region == "R1")
        // (R2 and R3 have no such provider, so the nearest one serves them too)
        #expect(institutions.first?.serves == ["R1", "R2", "R3"])
        #expect(concept.providers.contains { $0.kind == .infrastructure && $0.code == "lab-a" })
    }

    @Test func everyTemplateIsEitherInstantiatedOrListedWithWhy() {
        // Given no data at all
        // When the concepts are planned
        let plan = Self.plan()

        // Then no concept is proposed and every template says why
        #expect(plan.concepts.isEmpty)
        #expect(plan.unsupported.map(\.template) == F.templates.map(\.code))
        #expect(
            plan.unsupported.map(\.shortfalls) == [
                [.noNeedsCell(formats: ["pilot-plant"])], [.noInfrastructureRequest(types: ["lab"], otherTypes: [])],
                [.noSharedChallenge], [.declaresNoDemand],
            ])
    }

    @Test(arguments: [3, 4])
    func noPublishedCountIsUnderKOnRandomData(k: Int) {
        var generator = SeededGenerator(seed: UInt64(k))
        for _ in 0..<25 {
            // Given 40 organisations with random needs, formats and infrastructure requests
            var needs: [NeedRecord] = []
            var requests: [InfrastructureRequest] = []
            var challenges: [ChallengeRecord] = []
            let regions = ["R1", "R2", "R3", "R4"]
            for organisation in 1...40 {
                let region = regions[Int(generator.next() % 4)]
                for _ in 0..<Int(generator.next() % 3) {
                    let skill = ["A1", "A2", "B1", "B2"][Int(generator.next() % 4)]
                    let format = ["module", "pilot-plant"][Int(generator.next() % 2)]
                    needs.append(
                        F.need(organisation, region, skill, people: 1 + Int(generator.next() % 20), formats: [format]))
                }
                if generator.next() % 2 == 0 {
                    let infrastructure = ["lab-a", "lab-b", "plant-b"][Int(generator.next() % 3)]
                    requests.append(
                        InfrastructureRequest(
                            organisation: organisation, region: region, infrastructure: infrastructure))
                }
                if generator.next() % 2 == 0 {
                    challenges.append(
                        ChallengeRecord(
                            organisation: organisation, region: region, challenge: "ch-a", interest: [],
                            infrastructures: []))
                }
            }

            // When the concepts are planned with that K
            let plan = Self.plan(needs: needs, requests: requests, challenges: challenges, minRespondents: k)

            // Then every count shown is at least K, and parts shown beside their total overlap by 0 or ≥ K
            for concept in plan.concepts {
                #expect(concept.organisations >= k)
                let parts = concept.demand.compactMap(\.organisations)
                #expect(parts.allSatisfy { $0 >= k })
                if parts.count == concept.demand.count {
                    let overlap = parts.reduce(0, +) - concept.organisations
                    #expect(overlap == 0 || overlap >= k)
                }
                #expect(concept.formats.compactMap(\.organisations).allSatisfy { $0 >= k })
            }
            #expect(plan.minRespondents == k)
        }
    }
}
