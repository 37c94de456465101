import Catalog
import Testing

@testable import Planner

/// Ordering the chosen courses into terms.
@Suite struct TermOrderingTests {
    @Test func chainTakesOneTermPerCourseAndIsMinimal() throws {
        // Given a chain A → B → C of 10 credits each
        let catalog = Fixtures.catalog([
            Fixtures.course("A", 10, teaches: [("BAT1", 1)]),
            Fixtures.course("B", 10, teaches: [("BAT2", 1)], requires: ["A"]),
            Fixtures.course("C", 10, teaches: [("BAT3", 1)], requires: ["B"]),
        ])

        // When a path to the end of the chain is planned
        let plan = try PathPlanner.plan(Fixtures.request([("BAT3", 1)]), catalog: catalog)

        // Then each course has its own term, and three terms is the chain's bound
        #expect(plan.terms == [["A"], ["B"], ["C"]])
        #expect(plan.lowerBoundTerms == 3)
        #expect(plan.termsMinimal)
    }

    @Test func creditsArePackedToTheCreditBound() throws {
        // Given five independent courses of 15, 15, 10, 10 and 10 credits (60 in all)
        let catalog = Fixtures.catalog([
            Fixtures.course("A", 15, teaches: [("BAT1", 1)]),
            Fixtures.course("B", 15, teaches: [("BAT2", 1)]),
            Fixtures.course("C", 10, teaches: [("BAT3", 1)]),
            Fixtures.course("D", 10, teaches: [("BAT4", 1)]),
            Fixtures.course("E", 10, teaches: [("BAT5", 1)]),
        ])

        // When all are needed
        let needs = (1...5).map { ("BAT\($0)", 1) }
        let plan = try PathPlanner.plan(Fixtures.request(needs), catalog: catalog)

        // Then they fill two terms of 30 credits exactly
        #expect(plan.terms.count == 2)
        #expect(plan.lowerBoundTerms == 2)
        #expect(plan.termsMinimal)
        #expect(plan.termsAreValid(in: catalog))
    }

    @Test func prerequisitesAndPackingTogetherReachTheBound() throws {
        // Given A → B, plus C and D, 10 credits each, and terms of 20 credits
        let catalog = Fixtures.catalog(
            [
                Fixtures.course("A", 10, teaches: [("BAT1", 1)]),
                Fixtures.course("B", 10, teaches: [("BAT2", 1)], requires: ["A"]),
                Fixtures.course("C", 10, teaches: [("BAT3", 1)]),
                Fixtures.course("D", 10, teaches: [("BAT4", 1)]),
            ], termCredits: 20)

        // When all are needed
        let plan = try PathPlanner.plan(Fixtures.request([("BAT2", 1), ("BAT3", 1), ("BAT4", 1)]), catalog: catalog)

        // Then A comes first, B after it, and two terms suffice
        #expect(plan.terms.count == 2)
        #expect(plan.terms.first?.contains("A") == true)
        #expect(plan.terms.last?.contains("B") == true)
        #expect(plan.termsMinimal)
    }

    @Test func orderingAboveTheBoundIsNotCalledMinimal() throws {
        // Given four courses of 20 credits and terms of 30: one course per term, though 80 / 30 rounds up to 3
        let catalog = Fixtures.catalog((1...4).map { Fixtures.course("C\($0)", 20, teaches: [("BAT\($0)", 1)]) })

        // When all are needed
        let plan = try PathPlanner.plan(Fixtures.request((1...4).map { ("BAT\($0)", 1) }), catalog: catalog)

        // Then four terms are used and the ordering does not claim to be minimal
        #expect(plan.terms.count == 4)
        #expect(plan.lowerBoundTerms == 3)
        #expect(!plan.termsMinimal)
    }

    @Test func courseLargerThanTheTermCapIsAnErrorNamingIt() {
        // Given a 45-credit course and the usual 30-credit terms
        let catalog = Fixtures.catalog([Fixtures.course("LUT-BAT301", 45, teaches: [("BAT1", 3)])])

        // When a path needs it, then planning fails naming the course, its credits, the cap and the fix
        let error = #expect(throws: PlannerError.self) {
            try PathPlanner.plan(Fixtures.request([("BAT1", 3)]), catalog: catalog)
        }
        #expect(
            error?.description
                == "course \"LUT-BAT301\" has 45 ECTS, more than the term cap of 30 — raise --term-credits or split the course"
        )
    }

    @Test func partTimeTermCreditsSpreadThePath() throws {
        // Given two independent 10-credit courses
        let catalog = Fixtures.catalog([
            Fixtures.course("A", 10, teaches: [("BAT1", 1)]),
            Fixtures.course("B", 10, teaches: [("BAT2", 1)]),
        ])

        // When the learner studies part-time, 10 credits a term
        var request = Fixtures.request([("BAT1", 1), ("BAT2", 1)])
        request.termCredits = 10
        let plan = try PathPlanner.plan(request, catalog: catalog)

        // Then the path takes two terms
        #expect(plan.terms == [["A"], ["B"]])
        #expect(plan.termCredits == 10)
    }

    @Test func completedCoursesAreMetPrerequisitesAndNotScheduled() throws {
        // Given A → B and a learner who completed A
        let catalog = Fixtures.catalog([
            Fixtures.course("A", 10, teaches: [("BAT1", 1)]),
            Fixtures.course("B", 10, teaches: [("BAT2", 1)], requires: ["A"]),
        ])
        var request = Fixtures.request([("BAT1", 1), ("BAT2", 1)])
        request.completed = ["A"]

        // When the path is planned
        let plan = try PathPlanner.plan(request, catalog: catalog)

        // Then only B is taken, in the first term, and the need A met is reported as met
        #expect(plan.terms == [["B"]])
        #expect(plan.totalCredits == 10)
        #expect(plan.alreadyMet.map(\.skill) == ["BAT1"])
    }

    @Test func completedSkillSatisfiesAPrerequisiteTeachingIt() throws {
        // Given A (teaching BAT1) → B, and a learner who already has skill BAT1
        let catalog = Fixtures.catalog([
            Fixtures.course("A", 10, teaches: [("BAT1", 1)]),
            Fixtures.course("B", 10, teaches: [("BAT2", 1)], requires: ["A"]),
        ])
        var request = Fixtures.request([("BAT2", 1)])
        request.completed = ["BAT1"]

        // When the path is planned, then B alone suffices
        let plan = try PathPlanner.plan(request, catalog: catalog)
        #expect(plan.courses == ["B"])
    }

    @Test func schedulerKeepsEveryCourseAfterItsPrerequisitesOnRandomDAGs() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<100 {
            // Given random credits 1–30 and prerequisites towards lower indices
            let n = Int.random(in: 1...20, using: &rng)
            let credits = (0..<n).map { _ in Int.random(in: 1...30, using: &rng) }
            let prerequisites = (0..<n).map { i in (0..<i).filter { _ in Int.random(in: 0..<5, using: &rng) == 0 } }

            // When they are scheduled into terms of 30
            let schedule = TermScheduler.schedule(credits: credits, prerequisites: prerequisites, cap: 30)

            // Then every item is placed once, within the cap, after its prerequisites
            var term = [Int](repeating: -1, count: n)
            for (t, items) in schedule.terms.enumerated() {
                #expect(items.reduce(0) { $0 + credits[$1] } <= 30)
                for i in items { term[i] = t }
            }
            #expect(schedule.terms.flatMap { $0 }.count == n)
            for i in 0..<n {
                #expect(prerequisites[i].allSatisfy { term[$0] < term[i] })
            }
            #expect(schedule.terms.count >= schedule.lowerBound)
        }
    }
}
