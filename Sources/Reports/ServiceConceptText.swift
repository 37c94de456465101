import Catalog
import Planner

/// `plan services` for a person: the concepts ranked by demand covered, each with why, what it
/// answers, the preferred formats and its providers by region; then the templates the data do not
/// support, with why. English text, catalogue names in `language`.
package struct ServiceConceptText: Sendable {
    let catalog: Catalog
    let language: String

    package init(catalog: Catalog, language: String) {
        self.catalog = catalog
        self.language = language
    }

    private var names: CatalogNames { CatalogNames(catalog: catalog, language: language) }

    package func render(_ plan: ServicePlan) -> String {
        var out = [
            "Service concepts: \(plan.concepts.count) of \(catalog.serviceConcepts.count) templates supported by the "
                + "data, ranked by demand covered (organisations, then people)",
            "Every figure counts distinct organisations, at least \(plan.minRespondents) (K); a shared challenge is "
                + "named in at least \(plan.sharedRegions) regions (N). No organisation is named.",
        ]
        for concept in plan.concepts { out += [""] + render(concept, k: plan.minRespondents) }
        if !plan.unsupported.isEmpty {
            out += ["", "Not supported by the data:"]
            for entry in plan.unsupported {
                out.append("  \(names.template(entry.template)) (\(entry.template)):")
                out += entry.shortfalls.map { "    - " + describe($0, plan) }
            }
        }
        let hidden = plan.concepts.contains { concept in
            concept.demand.contains { $0.organisations == nil } || concept.formats.contains { $0.organisations == nil }
        }
        if hidden || plan.concepts.contains(where: { $0.providers.contains(where: \.illustrative) }) { out.append("") }
        if hidden {
            out.append(
                "\(MarkdownReport.suppressedMarker) = count hidden: the parts overlap, or leave a remainder, of 1 to "
                    + "K − 1 organisations, which their counts and the total would reveal.")
        }
        if plan.concepts.contains(where: { $0.providers.contains(where: \.illustrative) }) {
            out.append(
                "\(MarkdownReport.illustrativeMarker) = the provider's match rests only on illustrative course offerings."
            )
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ concept: ServiceConcept, k: Int) -> [String] {
        var out = [
            "\(concept.rank). \(names.template(concept.template)) (\(concept.template))",
            "   Demand: \(CatalogNames.count(concept.organisations, "organisation")) in "
                + "\(CatalogNames.count(concept.regions.count, "region"))"
                + (concept.people > 0 ? "; \(people(concept.people)) to train" : ""),
            "   Why: " + reason(concept, k: k),
        ]
        if !concept.regions.isEmpty {
            out.append("   Regions: " + concept.regions.map(names.region).joined(separator: ", "))
        }
        out.append("   Answers:")
        out += answers(concept).map { "     - " + $0 }
        if !concept.formats.isEmpty {
            out.append(
                "   Preferred formats: "
                    + concept.formats.map { "\(names.format($0.format)) \(count($0.organisations))" }
                    .joined(separator: ", "))
        }
        if concept.providers.isEmpty {
            out.append("   Providers: none of the template's types in the catalogue")
        } else {
            out.append("   Providers by region:")
            var regions: [String] = []
            for provider in concept.providers where !regions.contains(provider.region) {
                regions.append(provider.region)
            }
            for region in regions {
                let here = concept.providers.filter { $0.region == region }
                out.append("     \(names.region(region)): " + here.map(describe).joined(separator: "; "))
            }
        }
        return out
    }

    private func skills(_ number: Int) -> String { CatalogNames.count(number, "skill") }

    private func people(_ number: Int) -> String {
        NumberStyle(language: "en").integer(number) + (number == 1 ? " person" : " people")
    }

    private func count(_ value: Int?) -> String { value.map(String.init) ?? MarkdownReport.suppressedMarker }

    /// Why the concept is proposed, in one sentence.
    func reason(_ concept: ServiceConcept, k: Int) -> String {
        var parts: [String] = []
        let cells = concept.demand.filter { if case .needs = $0.basis { true } else { false } }.count
        if cells > 0, let template = catalog.serviceConcepts.first(where: { $0.code == concept.template }) {
            parts.append(
                "organisations in \(CatalogNames.count(cells, "skill group × region cell")) (at least \(k) in each) "
                    + "prefer " + CatalogNames.either(template.formats.map { "“\(names.format($0))”" }))
        }
        var infrastructures: [String] = []
        var challenges: [String] = []
        for demand in concept.demand {
            switch demand.basis {
            case .infrastructure(let code): infrastructures.append(names.infrastructure(code))
            case .challenge(let code): challenges.append(names.challenge(code))
            case .needs: break
            }
        }
        if !infrastructures.isEmpty {
            parts.append(
                "at least \(k) organisations " + (infrastructures.count == 1 ? "" : "each ") + "want to use "
                    + CatalogNames.all(infrastructures))
        }
        if !challenges.isEmpty {
            parts.append(
                "the shared research challenge" + (challenges.count == 1 ? " " : "s ") + CatalogNames.all(challenges))
        }
        let served = concept.regions.filter { region in
            concept.providers.contains { $0.region == region || $0.serves.contains(region) }
        }.count
        let supply =
            concept.providers.isEmpty
            ? "no provider of the template's types in the catalogue"
            : (concept.regions.isEmpty
                ? "\(CatalogNames.count(concept.providers.count, "provider")) in the catalogue"
                : "providers in or nearest to \(served) of its \(concept.regions.count) regions of demand")
        return parts.joined(separator: "; ") + "; " + supply + "."
    }

    /// What the concept answers: one line per skill group (its regions with their organisations),
    /// then one per infrastructure and per challenge.
    private func answers(_ concept: ServiceConcept) -> [String] {
        var lines: [String] = []
        var groups: [String] = []
        var cells: [String: [ServiceDemand]] = [:]
        for demand in concept.demand {
            let figure = count(demand.organisations)
            switch demand.basis {
            case .needs(let group, _):
                if cells[group] == nil { groups.append(group) }
                cells[group, default: []].append(demand)
            case .infrastructure(let code):
                lines.append("requests to use \(names.infrastructure(code)) (\(code)): \(figure) organisations")
            case .challenge(let code):
                lines.append("shared research challenge \(names.challenge(code)) (\(code)): \(figure) organisations")
            }
        }
        let needs = groups.map { group -> String in
            let parts = cells[group] ?? []
            let regions = parts.compactMap { demand -> String? in
                guard case .needs(_, let region) = demand.basis else { return nil }
                return "\(names.region(region)) \(count(demand.organisations))"
            }
            let people = parts.reduce(0) { $0 + $1.people }
            return "needs in \(names.group(group)) (\(group)): organisations by region "
                + regions.joined(separator: ", ") + "; \(self.people(people))"
        }
        return needs + lines
    }

    private func describe(_ provider: ServiceProvider) -> String {
        var notes: [String] = []
        switch provider.kind {
        case .institution:
            if provider.skills > 0 { notes.append("teaches \(skills(provider.skills)) of the groups") }
            if provider.requested { notes.append("owns an infrastructure respondents named") }
        case .infrastructure:
            notes.append("infrastructure")
            if provider.requested { notes.append("named by respondents") }
            if provider.skills > 0 { notes.append("supports \(skills(provider.skills)) of the groups") }
        }
        let elsewhere = provider.serves.filter { $0 != provider.region }
        if !elsewhere.isEmpty { notes.append("nearest for " + elsewhere.map(names.region).joined(separator: ", ")) }
        if provider.unverified { notes.append("unverified") }
        let name =
            provider.kind == .institution ? names.institution(provider.code) : names.infrastructure(provider.code)
        return name + (provider.illustrative ? " " + MarkdownReport.illustrativeMarker : "")
            + (notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")")
    }

    func describe(_ shortfall: ServiceShortfall, _ plan: ServicePlan) -> String {
        let k = plan.minRespondents
        switch shortfall {
        case .declaresNoDemand:
            return "the template names no demand: give it formats, answersInfrastructureRequests or "
                + "answersChallenges in curricula/service-concepts.yaml"
        case .noNeedsCell(let formats):
            return "no skill group × region cell has at least \(k) organisations preferring "
                + CatalogNames.either(formats.map(names.format))
        case .noInfrastructureRequest(let types, let others):
            let named =
                others.isEmpty
                ? ""
                : " (" + CatalogNames.all(others.map(names.infrastructure)) + (others.count == 1 ? " was" : " were")
                    + ", but of other types)"
            return "no infrastructure of type \(CatalogNames.either(types)) was named by at least \(k) organisations"
                + named
        case .noSharedChallenge:
            return "no research challenge is named in at least \(plan.sharedRegions) regions by at least \(k) "
                + "organisations each"
        }
    }
}

extension CatalogNames {
    /// "1 person" / "3 people": a count with an irregular plural.
    static func count(_ number: Int, _ singular: String, plural: String) -> String {
        "\(number) " + (number == 1 ? singular : plural)
    }
}
