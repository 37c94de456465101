import Catalog

/// How good the chosen course set is known to be.
package enum PlanStatus: Sendable, Hashable {
    /// Minimum credits, proven by the reductions or by CBC.
    case provenOptimal
    /// The solver stopped with a cover whose credits may exceed the minimum by at most `gap`.
    case feasible(gap: Double, reason: StopReason)
    /// The solver returned nothing better (or had no time): the heuristic cover (greedy, improved by
    /// LP-seeded greedies and local search when there was time), at most `gap` credits above the minimum.
    case greedyFallback(gap: Double, reason: StopReason)
    /// `--max-ects` was below the minimum cover: the most people covered within the budget.
    case budgetLimitedCoverage(coveredPeople: Int, totalPeople: Int, budget: Double, provenOptimal: Bool)

    package var isProvenOptimal: Bool {
        switch self {
        case .provenOptimal: true
        case .budgetLimitedCoverage(_, _, _, let proven): proven
        case .feasible, .greedyFallback: false
        }
    }

    /// One line for a person.
    package var label: String {
        switch self {
        case .provenOptimal:
            return "proven optimal"
        case .feasible(let gap, let reason):
            return "feasible, at most \(PlannerError.number(gap)) credits above the minimum (\(reason))"
        case .greedyFallback(let gap, let reason):
            return "greedy fallback, at most \(PlannerError.number(gap)) credits above the minimum (\(reason))"
        case .budgetLimitedCoverage(let covered, let total, let budget, let proven):
            let proof = proven ? "proven optimal" : "best found, not proven"
            return "budget-limited coverage: \(covered) of \(total) people's needs within "
                + "\(PlannerError.number(budget)) credits (\(proof))"
        }
    }
}

/// The outcome of breaking ties among minimum-credit sets (region of demand, then fewer
/// institutions, then preferred delivery modes).
package enum TieBreakStatus: Sendable, Hashable {
    /// The chosen set is the best minimum-credit set by the tie-break criteria, proven.
    case proven
    /// The tie-break search stopped early; the set is minimum-credit but maybe not the best tie.
    case bestFound(StopReason)
    /// Not attempted, with why.
    case skipped(String)

    package var label: String {
        switch self {
        case .proven: "ties broken (proven)"
        case .bestFound(let reason): "ties broken as far as searched (\(reason))"
        case .skipped(let why): "ties not broken: \(why)"
        }
    }
}

/// Why a need has no course.
package enum UncoveredReason: String, Sendable, Hashable {
    /// No course in the catalogue teaches the skill at this level.
    case noCourse
    /// Courses exist but the language or delivery filters (or their prerequisites) exclude them.
    case excludedByFilters
}

/// A need no course covers, and who could build a module for it.
package struct ModuleProposal: Sendable, Hashable {
    package var skill: String
    package var level: Int
    package var group: String
    package var people: Int
    package var peoplePerYear: Double
    package var regions: [String]
    package var reason: UncoveredReason
    /// 1–3 institution codes, best placed first (most skills taught in the group, nearest the demand).
    package var institutions: [String]

    package init(
        skill: String, level: Int, group: String, people: Int, peoplePerYear: Double, regions: [String],
        reason: UncoveredReason, institutions: [String]
    ) {
        self.skill = skill
        self.level = level
        self.group = group
        self.people = people
        self.peoplePerYear = peoplePerYear
        self.regions = regions
        self.reason = reason
        self.institutions = institutions
    }
}

/// A chosen course whose places per year fall short of the people who need it.
package struct CapacityWarning: Sendable, Hashable {
    package var course: String
    package var capacity: Int
    package var peoplePerYear: Double

    package init(course: String, capacity: Int, peoplePerYear: Double) {
        self.course = course
        self.capacity = capacity
        self.peoplePerYear = peoplePerYear
    }
}

/// Seconds spent per phase.
package struct PlanTimings: Sendable, Hashable {
    /// Reading the catalogue into the numeric problem.
    package var prepare: Double = 0
    package var reduce: Double = 0
    package var greedy: Double = 0
    package var lp: Double = 0
    package var solver: Double = 0
    package var tieBreak: Double = 0
    package var budget: Double = 0
    package var terms: Double = 0
    package var proposals: Double = 0
    package var total: Double = 0

    package init() {}

    /// The minimum-credit cover itself: reductions, greedy start, LP and CBC.
    package var cover: Double { reduce + greedy + lp + solver }
}

/// A planned set of courses in terms, with everything needed to judge it.
package struct PathPlan: Sendable {
    package var kind: PathRequest.Kind
    /// Chosen course codes, in term order (by code within a term).
    package var courses: [String]
    package var terms: [[String]]
    /// Total credits in the catalogue's base unit.
    package var totalCredits: Double
    package var creditUnit: String
    package var status: PlanStatus
    package var tieBreak: TieBreakStatus
    /// Credits of the chosen courses outside the demand region (online ones count as inside).
    package var creditsOutsideRegion: Double
    package var institutionCount: Int
    /// The greedy cover's credits, for the greedy gap.
    package var greedyCredits: Double?
    /// Needs the completed courses or skills already meet.
    package var alreadyMet: [PlanNeed]
    /// Needs left uncovered by a credit budget (budget-limited coverage only).
    package var outsideBudget: [PlanNeed]
    /// Needs no course covers: proposals for new modules.
    package var proposals: [ModuleProposal]
    /// max(⌈credits / cap⌉, longest prerequisite chain among the chosen courses).
    package var lowerBoundTerms: Int
    /// The ordering reaches `lowerBoundTerms`.
    package var termsMinimal: Bool
    package var termCredits: Double
    package var capacityWarnings: [CapacityWarning]
    package var timings: PlanTimings
    package var reduction: ReductionStats

    package init(
        kind: PathRequest.Kind, courses: [String], terms: [[String]], totalCredits: Double, creditUnit: String,
        status: PlanStatus, tieBreak: TieBreakStatus, creditsOutsideRegion: Double = 0, institutionCount: Int = 0,
        greedyCredits: Double? = nil, alreadyMet: [PlanNeed] = [], outsideBudget: [PlanNeed] = [],
        proposals: [ModuleProposal] = [], lowerBoundTerms: Int, termsMinimal: Bool, termCredits: Double,
        capacityWarnings: [CapacityWarning] = [], timings: PlanTimings = PlanTimings(),
        reduction: ReductionStats = ReductionStats()
    ) {
        self.kind = kind
        self.courses = courses
        self.terms = terms
        self.totalCredits = totalCredits
        self.creditUnit = creditUnit
        self.status = status
        self.tieBreak = tieBreak
        self.creditsOutsideRegion = creditsOutsideRegion
        self.institutionCount = institutionCount
        self.greedyCredits = greedyCredits
        self.alreadyMet = alreadyMet
        self.outsideBudget = outsideBudget
        self.proposals = proposals
        self.lowerBoundTerms = lowerBoundTerms
        self.termsMinimal = termsMinimal
        self.termCredits = termCredits
        self.capacityWarnings = capacityWarnings
        self.timings = timings
        self.reduction = reduction
    }
}
