import Catalog
import Planner

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
            uncovered: plan.proposals.map { Proposal(skill: $0.skill, level: $0.level, institutions: $0.institutions) })
    }
}
