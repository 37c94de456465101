import Catalog
import Planner

/// One region's proposed education path, as the report shows it.
package struct PathSection: Sendable, Hashable {
    package struct Line: Sendable, Hashable {
        package var term: Int
        package var institution: String
        package var course: String
        package var name: String
        package var credits: Double
        package var illustrative: Bool

        package init(term: Int, institution: String, course: String, name: String, credits: Double, illustrative: Bool)
        {
            self.term = term
            self.institution = institution
            self.course = course
            self.name = name
            self.credits = credits
            self.illustrative = illustrative
        }
    }

    /// A need no course covers: a proposal for a new module.
    package struct Proposal: Sendable, Hashable {
        package var skill: String
        package var level: Int
        package var institutions: [String]
        /// People needed (from cells with ≥ K organisations); nil when the planner did not say.
        package var people: Int?

        package init(skill: String, level: Int, institutions: [String], people: Int? = nil) {
            self.skill = skill
            self.level = level
            self.institutions = institutions
            self.people = people
        }
    }

    package var region: String
    package var needs: Int
    package var lines: [Line]
    package var totalCredits: Double
    package var terms: Int
    package var provenOptimal: Bool
    /// Why the path is not proven optimal (time limit, fallback), when it is not.
    package var caveat: String?
    package var uncovered: [Proposal]

    package init(
        region: String, needs: Int, lines: [Line], totalCredits: Double, terms: Int, provenOptimal: Bool,
        caveat: String?, uncovered: [Proposal]
    ) {
        self.region = region
        self.needs = needs
        self.lines = lines
        self.totalCredits = totalCredits
        self.terms = terms
        self.provenOptimal = provenOptimal
        self.caveat = caveat
        self.uncovered = uncovered
    }
}

extension PathSection {
    /// A region's portfolio as the report shows it: courses in term order, proposals for the rest.
    package init(_ portfolio: RegionalPortfolio, catalog: Catalog) {
        let plan = portfolio.plan
        var lines: [Line] = []
        for (index, term) in plan.terms.enumerated() {
            for code in term {
                guard let course = catalog.course(code) else { continue }
                lines.append(
                    Line(
                        term: index + 1, institution: course.institution, course: code,
                        name: course.name(catalog.settings.defaultLanguage),
                        credits: catalog.baseCredits(course), illustrative: course.illustrative))
            }
        }
        self.init(
            region: portfolio.region, needs: portfolio.needs.count, lines: lines, totalCredits: plan.totalCredits,
            terms: plan.terms.count, provenOptimal: plan.status.isProvenOptimal,
            caveat: plan.status.isProvenOptimal ? nil : plan.status.label,
            uncovered: plan.proposals.map {
                Proposal(skill: $0.skill, level: $0.level, institutions: $0.institutions, people: $0.people)
            })
    }
}
