import Catalog
import Foundation
import Planner
import Testing

/// The planner against the reference instances with proven optima (`../shared/bench/planner`).
@Suite struct ReferenceInstanceTests {
    static let smallInstances = Fixtures.referenceFiles(["plan_c50_", "plan_c500_"])

    @Test func referenceFolderHoldsTheRegionalAndNationalInstances() throws {
        // Given the reference folder next to the repository
        let folder = Fixtures.referenceFolder
        // Then it exists and holds the 50- and 500-course instances the exactness tests read
        try #require(FileManager.default.fileExists(atPath: folder.path), "missing \(folder.path)")
        #expect(Self.smallInstances.count >= 10)
    }

    @Test(arguments: smallInstances)
    func minimumCreditsMatchTheProvenOptimum(file: String) throws {
        // Given a reference instance as a catalogue and a portfolio of its needs
        let instance = try Fixtures.reference(file)
        let catalog = instance.catalog()
        let needs = instance.needs.map { ($0.skill, $0.level) }

        // When the planner plans it
        let plan = try PathPlanner.plan(instance.request(), catalog: catalog)

        // Then the credits equal the proven optimum, proven, with a valid cover and terms
        #expect(plan.totalCredits == instance.solution.optimumEcts)
        #expect(plan.status == .provenOptimal)
        #expect(plan.covers(needs, in: catalog))
        #expect(plan.termsAreValid(in: catalog))
        #expect(plan.lowerBoundTerms <= plan.terms.count)
        #expect(plan.proposals.isEmpty)
    }

    @Test func tinyTimeLimitIsLabelledByHowTheSolveEnded() throws {
        // Given the largest reference instance
        let name = "plan_c5000_k150_s1.json"
        try #require(FileManager.default.fileExists(atPath: Fixtures.referenceFolder.appendingPathComponent(name).path))
        let instance = try Fixtures.reference(name)
        let catalog = instance.catalog()
        let optimum = instance.solution.optimumEcts

        // When it is planned within a millisecond
        let plan = try PathPlanner.plan(instance.request(timeLimit: 0.001), catalog: catalog)

        // Then whatever the outcome, the label tells the truth about it
        #expect(plan.covers(instance.needs.map { ($0.skill, $0.level) }, in: catalog))
        switch plan.status {
        case .provenOptimal:
            #expect(plan.totalCredits == optimum)
        case .greedyFallback(let gap, _):
            #expect(plan.totalCredits <= plan.greedyCredits ?? 0)
            #expect(plan.totalCredits - gap <= optimum && optimum <= plan.totalCredits)
            #expect(plan.status.label.hasPrefix("greedy fallback"))
        case .feasible(let gap, let reason):
            #expect(plan.totalCredits - gap <= optimum && optimum <= plan.totalCredits)
            #expect(reason == .timeLimit)
        case .budgetLimitedCoverage:
            Issue.record("no budget was given, yet the plan is labelled budget-limited")
        }
        #expect(plan.tieBreak != .proven || plan.status == .provenOptimal)
    }
}
