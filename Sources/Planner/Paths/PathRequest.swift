import Catalog

/// One needed (skill, level) with the demand behind it.
package struct PlanNeed: Sendable, Hashable {
    package var skill: String
    package var level: Int
    /// People who need it over the horizon: the need's weight in budget-limited coverage.
    package var people: Int
    /// People per year (people / the horizon's span in years), compared with course capacity per year.
    package var peoplePerYear: Double
    /// Where the need arises; nil when the caller does not say.
    package var region: String?

    package init(skill: String, level: Int, people: Int = 1, peoplePerYear: Double? = nil, region: String? = nil) {
        self.skill = skill
        self.level = level
        self.people = people
        self.peoplePerYear = peoplePerYear ?? Double(people)
        self.region = region
    }
}

/// What to plan: a regional portfolio (the courses a region's institutions should offer) or a
/// learner path (one person's or organisation's needs).
package struct PathRequest: Sendable {
    package enum Kind: String, Sendable, Hashable {
        case regionalPortfolio, learnerPath
    }

    package var kind: Kind
    package var needs: [PlanNeed]
    /// Ties are broken towards courses here; online courses serve every region.
    package var demandRegion: String?
    /// Teaching languages a course must offer one of; nil = any.
    package var languages: Set<String>?
    /// Delivery modes allowed; nil = any.
    package var deliveries: Set<Delivery>?
    /// Delivery modes the respondents preferred: the last tie-break; empty = no preference.
    package var preferredDeliveries: Set<Delivery>
    /// Course codes or skill codes already completed: met needs and satisfied prerequisites.
    package var completed: Set<String>
    /// A credit budget (base unit); below the optimum the plan maximises weighted coverage instead.
    package var maxCredits: Double?
    /// Largest credits per term; nil = the catalogue's `termCredits`.
    package var termCredits: Double?
    /// Seconds the exact solve may take before settling for the best cover found.
    package var timeLimit: Double

    package init(
        kind: Kind, needs: [PlanNeed], demandRegion: String? = nil, languages: Set<String>? = nil,
        deliveries: Set<Delivery>? = nil, preferredDeliveries: Set<Delivery> = [], completed: Set<String> = [],
        maxCredits: Double? = nil, termCredits: Double? = nil, timeLimit: Double = 10
    ) {
        self.kind = kind
        self.needs = needs
        self.demandRegion = demandRegion
        self.languages = languages
        self.deliveries = deliveries
        self.preferredDeliveries = preferredDeliveries
        self.completed = completed
        self.maxCredits = maxCredits
        self.termCredits = termCredits
        self.timeLimit = timeLimit
    }
}
