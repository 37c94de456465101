import Catalog
import Planner
import Testing

/// `PathPlanner.plan` on small hand-made catalogues.
@Suite struct PathPlannerTests {
    @Test func tiesGoToTheRegionOfDemand() throws {
        // Given two 5-credit courses teaching the same skill, one in R1 and one in R2
        let catalog = Fixtures.catalog([
            Fixtures.course("N1", 5, teaches: [("BAT1", 2)], at: "north", region: "R1"),
            Fixtures.course("S1", 5, teaches: [("BAT1", 2)], at: "south", region: "R2"),
        ])
        var request = Fixtures.request([("BAT1", 2)])

        // When the demand is in R2, then R2's course is chosen; in R1, R1's
        request.demandRegion = "R2"
        let south = try PathPlanner.plan(request, catalog: catalog)
        request.demandRegion = "R1"
        let north = try PathPlanner.plan(request, catalog: catalog)

        #expect(south.courses == ["S1"])
        #expect(north.courses == ["N1"])
        #expect(south.tieBreak == .proven)
        #expect(south.creditsOutsideRegion == 0)
    }

    @Test func tieBreakNeverCostsCredits() throws {
        // Given a cheaper course far away and a dearer one in the region of demand
        let catalog = Fixtures.catalog([
            Fixtures.course("FAR", 5, teaches: [("BAT1", 1)], at: "north", region: "R1"),
            Fixtures.course("NEAR", 6, teaches: [("BAT1", 1)], at: "south", region: "R2"),
        ])
        var request = Fixtures.request([("BAT1", 1)])
        request.demandRegion = "R2"

        // When planned, then the minimum credits win over the region
        let plan = try PathPlanner.plan(request, catalog: catalog)
        #expect(plan.courses == ["FAR"])
        #expect(plan.creditsOutsideRegion == 5)
    }

    @Test func onlineCoursesServeEveryRegion() throws {
        // Given an online course elsewhere and a campus course elsewhere, equally long
        let catalog = Fixtures.catalog([
            Fixtures.course("CAMPUS", 5, teaches: [("BAT1", 1)], at: "a", region: "R1"),
            Fixtures.course("WEB", 5, teaches: [("BAT1", 1)], at: "b", region: "R1", delivery: .online),
        ])
        var request = Fixtures.request([("BAT1", 1)])
        request.demandRegion = "R2"

        // When planned for R2, then the online course counts as local
        let plan = try PathPlanner.plan(request, catalog: catalog)
        #expect(plan.courses == ["WEB"])
    }

    @Test func tiesGoToFewerInstitutions() throws {
        // Given two skills, each taught for 5 credits by two institutions, and a third institution
        // teaching both in one 10-credit course
        let catalog = Fixtures.catalog([
            Fixtures.course("A1", 5, teaches: [("BAT1", 1)], at: "alpha"),
            Fixtures.course("B2", 5, teaches: [("BAT2", 1)], at: "beta"),
            Fixtures.course("G1", 5, teaches: [("BAT1", 1)], at: "gamma"),
            Fixtures.course("G2", 5, teaches: [("BAT2", 1)], at: "gamma"),
        ])

        // When both skills are needed
        let plan = try PathPlanner.plan(Fixtures.request([("BAT1", 1), ("BAT2", 1)]), catalog: catalog)

        // Then one institution provides both at the same credits
        #expect(plan.courses.sorted() == ["G1", "G2"])
        #expect(plan.institutionCount == 1)
        #expect(plan.totalCredits == 10)
    }

    @Test func preferredDeliveryBreaksTheLastTie() throws {
        // Given the same skill on campus and blended at one institution
        let catalog = Fixtures.catalog([
            Fixtures.course("CAMPUS", 5, teaches: [("BAT1", 1)]),
            Fixtures.course("MIXED", 5, teaches: [("BAT1", 1)], delivery: .blended),
        ])
        var request = Fixtures.request([("BAT1", 1)])
        request.preferredDeliveries = [.blended]

        // When planned, then the preferred delivery is chosen
        #expect(try PathPlanner.plan(request, catalog: catalog).courses == ["MIXED"])
    }

    @Test func budgetBelowTheOptimumMaximisesPeopleCovered() throws {
        // Given three skills at 10 credits each, needed by 5, 20 and 8 people
        let catalog = Fixtures.catalog([
            Fixtures.course("A", 10, teaches: [("BAT1", 1)]),
            Fixtures.course("B", 10, teaches: [("BAT2", 1)]),
            Fixtures.course("C", 10, teaches: [("BAT3", 1)]),
        ])
        var request = PathRequest(
            kind: .regionalPortfolio,
            needs: [
                PlanNeed(skill: "BAT1", level: 1, people: 5), PlanNeed(skill: "BAT2", level: 1, people: 20),
                PlanNeed(skill: "BAT3", level: 1, people: 8),
            ])

        // When the budget is 20 credits, below the 30 the full cover needs
        request.maxCredits = 20
        let plan = try PathPlanner.plan(request, catalog: catalog)

        // Then the two courses serving most people are chosen, and the plan says it is budget-limited
        #expect(plan.courses.sorted() == ["B", "C"])
        #expect(
            plan.status == .budgetLimitedCoverage(coveredPeople: 28, totalPeople: 33, budget: 20, provenOptimal: true))
        #expect(plan.status.label.hasPrefix("budget-limited coverage: 28 of 33 people"))
        #expect(plan.outsideBudget.map(\.skill) == ["BAT1"])
    }

    @Test func budgetAboveTheOptimumChangesNothing() throws {
        // Given one 10-credit course
        let catalog = Fixtures.catalog([Fixtures.course("A", 10, teaches: [("BAT1", 1)])])
        var request = Fixtures.request([("BAT1", 1)])
        request.maxCredits = 25

        // When planned with a larger budget, then it is the ordinary proven optimum
        let plan = try PathPlanner.plan(request, catalog: catalog)
        #expect(plan.status == .provenOptimal)
        #expect(plan.courses == ["A"])
    }

    @Test func uncoveredNeedBecomesAModuleProposalForTheBestPlacedInstitutions() throws {
        // Given institutions teaching 2, 1 and 0 skills of group BAT, and one in another group;
        // "near" and "far" each teach one BAT skill, "near" in the region of demand
        let catalog = Fixtures.catalog(
            [
                Fixtures.course("X1", 5, teaches: [("BAT1", 2), ("BAT2", 1)], at: "expert", region: "R1"),
                Fixtures.course("N1", 5, teaches: [("BAT3", 1)], at: "near", region: "R2"),
                Fixtures.course("F1", 5, teaches: [("BAT4", 1)], at: "far", region: "R1"),
                Fixtures.course("O1", 5, teaches: [("ECO1", 1)], at: "other", region: "R2"),
            ],
            extraSkills: ["BAT9"], institutionRegions: ["near": "R2", "far": "R1", "expert": "R1", "other": "R2"])
        var request = PathRequest(
            kind: .regionalPortfolio,
            needs: [PlanNeed(skill: "BAT9", level: 2, people: 12, region: "R2"), PlanNeed(skill: "BAT1", level: 1)])
        request.demandRegion = "R2"

        // When planned
        let plan = try PathPlanner.plan(request, catalog: catalog)

        // Then BAT9 is proposed as a new module to the three best placed, most related first, nearest
        // first among equals; the coverable need is still planned
        let proposal = try #require(plan.proposals.first)
        #expect(plan.proposals.count == 1)
        #expect(proposal.skill == "BAT9" && proposal.level == 2 && proposal.people == 12)
        #expect(proposal.regions == ["R2"])
        #expect(proposal.reason == .noCourse)
        #expect(proposal.institutions == ["expert", "near", "far"])
        #expect(plan.courses == ["X1"])
    }

    @Test func filteredOutCoursesMakeAProposalWithThatReason() throws {
        // Given the only course for a skill teaches in Swedish
        let catalog = Fixtures.catalog([Fixtures.course("SV1", 5, teaches: [("BAT1", 1)], languages: ["sv"])])
        var request = Fixtures.request([("BAT1", 1)])
        request.languages = ["fi", "en"]

        // When planned for Finnish or English, then the need is a proposal excluded by the filters
        let plan = try PathPlanner.plan(request, catalog: catalog)
        #expect(plan.courses.isEmpty)
        #expect(plan.proposals.map(\.reason) == [.excludedByFilters])
    }

    @Test func courseWhosePrerequisiteIsFilteredOutIsUnusable() throws {
        // Given an online course requiring a campus course, and a dearer online alternative
        let catalog = Fixtures.catalog([
            Fixtures.course("BASE", 1, teaches: [("BAT1", 1)]),
            Fixtures.course("NEXT", 1, teaches: [("BAT2", 1)], requires: ["BASE"], delivery: .online),
            Fixtures.course("ALT", 9, teaches: [("BAT2", 1)], delivery: .online),
        ])
        var request = Fixtures.request([("BAT2", 1)])
        request.deliveries = [.online]

        // When only online delivery is allowed, then the alternative is chosen
        #expect(try PathPlanner.plan(request, catalog: catalog).courses == ["ALT"])
    }

    @Test func higherLevelNeedImpliesTheLowerOne() throws {
        // Given level 1 and level 3 courses of a skill
        let catalog = Fixtures.catalog([
            Fixtures.course("L1", 3, teaches: [("BAT1", 1)]),
            Fixtures.course("L3", 5, teaches: [("BAT1", 3)]),
        ])

        // When both levels are needed, then the level-3 course alone covers both
        let plan = try PathPlanner.plan(Fixtures.request([("BAT1", 1), ("BAT1", 3)]), catalog: catalog)
        #expect(plan.courses == ["L3"])
    }

    @Test func capacityBelowDemandIsWarned() throws {
        // Given a course with 10 places a year, and a prerequisite with 50
        let catalog = Fixtures.catalog([
            Fixtures.course("BASE", 5, teaches: [("BAT1", 1)], capacity: 50),
            Fixtures.course("SMALL", 5, teaches: [("BAT2", 1)], requires: ["BASE"], capacity: 10),
        ])
        let request = PathRequest(
            kind: .regionalPortfolio, needs: [PlanNeed(skill: "BAT2", level: 1, people: 60, peoplePerYear: 20)])

        // When 20 people a year need the path, then only the small course is short of places
        let plan = try PathPlanner.plan(request, catalog: catalog)
        #expect(plan.capacityWarnings == [CapacityWarning(course: "SMALL", capacity: 10, peoplePerYear: 20)])
    }

    @Test func unknownSkillIsAnErrorNamingIt() {
        let catalog = Fixtures.catalog([Fixtures.course("A", 5, teaches: [("BAT1", 1)])])
        #expect(throws: PlannerError.unknownSkill("NOPE")) {
            try PathPlanner.plan(Fixtures.request([("NOPE", 1)]), catalog: catalog)
        }
    }

    @Test func unknownCompletedCodeIsAnErrorNamingIt() {
        let catalog = Fixtures.catalog([Fixtures.course("A", 5, teaches: [("BAT1", 1)])])
        var request = Fixtures.request([("BAT1", 1)])
        request.completed = ["XYZ"]
        #expect(throws: PlannerError.unknownCompleted("XYZ")) { try PathPlanner.plan(request, catalog: catalog) }
    }

    @Test func fractionalCreditsStayExact() throws {
        // Given vocational credits that convert to fractions of ECTS
        let catalog = Fixtures.catalog([
            Fixtures.course("A", 2.5, teaches: [("BAT1", 1)]),
            Fixtures.course("B", 2.5, teaches: [("BAT2", 1)]),
            Fixtures.course("AB", 5.5, teaches: [("BAT1", 1), ("BAT2", 1)]),
        ])

        // When both skills are needed, then the two half-credit courses win by half a credit
        let plan = try PathPlanner.plan(Fixtures.request([("BAT1", 1), ("BAT2", 1)]), catalog: catalog)
        #expect(plan.courses.sorted() == ["A", "B"])
        #expect(plan.totalCredits == 5)
    }
}
