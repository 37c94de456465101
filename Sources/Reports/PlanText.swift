import Catalog
import Planner

/// `plan paths` for a person: per region, the courses grouped by institution, the total, the
/// terms, whether the set is proven optimal, and the needs no course covers.
package struct PlanText: Sendable {
    let catalog: Catalog
    var language: String { catalog.settings.defaultLanguage }

    package init(catalog: Catalog) {
        self.catalog = catalog
    }

    package func render(_ portfolios: [RegionalPortfolio]) -> String {
        portfolios.map(render).joined(separator: "\n")
    }

    private func render(_ portfolio: RegionalPortfolio) -> String {
        let plan = portfolio.plan
        let number = NumberStyle(language: "en")
        let unit = catalog.settings.creditUnit(plan.creditUnit)?.name("en") ?? plan.creditUnit
        let regionName = catalog.region(portfolio.region)?.name(language) ?? portfolio.region
        let title =
            portfolio.organisation.map {
                "Learner path — organisation \($0), \(regionName): \(portfolio.needs.count) needs of its own "
                    + "(used with its consent to plan its training)"
            }
            ?? "Regional portfolio — \(regionName) (\(portfolio.region)): \(portfolio.needs.count) needs from cells with ≥ "
            + "\(catalog.settings.minRespondents) organisations"
        var out = [
            title,
            "Total \(number.decimal(plan.totalCredits)) \(unit) in \(plan.terms.count) term(s) of ≤ "
                + "\(number.decimal(plan.termCredits)) \(unit)"
                + (plan.termsMinimal ? " (minimal)" : " (lower bound \(plan.lowerBoundTerms))")
                + " — \(plan.status.label); \(plan.tieBreak.label)",
        ]
        if !plan.alreadyMet.isEmpty {
            out.append(
                "  Already met by completed courses or skills: "
                    + plan.alreadyMet.map { "\($0.skill) level \($0.level)" }.joined(separator: ", "))
        }
        var termOf: [String: Int] = [:]
        for (index, term) in plan.terms.enumerated() { for code in term { termOf[code] = index + 1 } }
        let byInstitution = Dictionary(grouping: plan.courses.compactMap { catalog.course($0) }, by: \.institution)
        for institution in byInstitution.keys.sorted() {
            out.append("  " + (catalog.institution(institution)?.name(language) ?? institution))
            for course in (byInstitution[institution] ?? []).sorted(by: {
                (termOf[$0.code] ?? 0, $0.code) < (termOf[$1.code] ?? 0, $1.code)
            }) {
                let mark = course.illustrative ? "  † illustrative" : ""
                out.append(
                    "    term \(termOf[course.code] ?? 0)  \(course.code)  \(course.name(language))  "
                        + "\(number.decimal(catalog.baseCredits(course))) \(unit)  [\(course.region), \(course.delivery.rawValue)]\(mark)"
                )
            }
        }
        for warning in plan.capacityWarnings {
            out.append(
                "  warning: \(warning.course) has \(warning.capacity) places a year for \(number.decimal(warning.peoplePerYear)) people a year"
            )
        }
        if !plan.proposals.isEmpty {
            out.append("  Needs no course covers (new-module proposals):")
            for proposal in plan.proposals {
                let skill = catalog.skill(proposal.skill)?.name(language) ?? proposal.skill
                let who = proposal.institutions.map { catalog.institution($0)?.name(language) ?? $0 }
                out.append(
                    "    \(proposal.skill) \(skill), level \(proposal.level): \(proposal.people) people — "
                        + (who.isEmpty
                            ? "no institution teaches this group yet" : "best placed: " + who.joined(separator: "; ")))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

extension Listing {
    /// `plan paths --format csv|json`: one row per chosen course, then one per proposal.
    package init(portfolios: [RegionalPortfolio], catalog: Catalog) {
        var rows: [[Value]] = []
        for portfolio in portfolios {
            let plan = portfolio.plan
            for (index, term) in plan.terms.enumerated() {
                for code in term {
                    guard let course = catalog.course(code) else { continue }
                    rows.append([
                        .text(portfolio.region), .text("course"), .integer(index + 1), .text(course.institution),
                        .text(code), .text(""), .empty, .decimal(catalog.baseCredits(course), places: 1),
                        .text(course.illustrative ? "yes" : "no"), .text(plan.status.label),
                    ])
                }
            }
            for proposal in plan.proposals {
                rows.append([
                    .text(portfolio.region), .text("new-module"), .empty,
                    .text(proposal.institutions.joined(separator: " ")),
                    .text(""), .text(proposal.skill), .integer(proposal.level), .empty, .text(""),
                    .text(proposal.reason.rawValue),
                ])
            }
        }
        self.init(
            columns: [
                "region", "kind", "term", "institution", "course", "skill", "level", "credits", "illustrative",
                "status",
            ],
            rows: rows)
    }
}
