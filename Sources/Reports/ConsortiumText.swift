import Catalog
import Planner

/// `plan consortia` for a person: national joint-project proposals and Horizon Europe sketches,
/// ranked, the 1–2 candidates of each kind marked with why, every EU sketch with what it still
/// lacks. English text, catalogue names in `language`.
package struct ConsortiumText: Sendable {
    let catalog: Catalog
    let language: String

    package init(catalog: Catalog, language: String) {
        self.catalog = catalog
        self.language = language
    }

    private var names: CatalogNames { CatalogNames(catalog: catalog, language: language) }

    package func render(_ plan: ConsortiumPlan) -> String {
        var out = [
            "Consortium proposals: research challenges named in at least \(plan.sharedRegions) regions (N) by at "
                + "least \(plan.minRespondents) organisations (K) each",
            "Every count is of distinct organisations, at least K; no organisation is named. "
                + "★ = candidate: one of the \(ConsortiumPlan.candidatesWanted) strongest of its kind.",
            "",
            "National joint projects (ranked by organisations interested, regions, partner coverage)",
        ]
        for proposal in plan.national { out += render(proposal, plan) }
        if !plan.national.contains(where: \.candidate) {
            out.append(
                "  No candidate: no shared challenge has at least \(plan.minRespondents) organisations interested in "
                    + "a national joint project.")
        }
        out += [
            "", "Horizon Europe consortium sketches (ranked by organisations interested, regions, partner coverage)",
        ]
        for sketch in plan.horizon { out += render(sketch, plan) }
        if plan.horizon.isEmpty {
            out.append(
                "  None: no shared challenge has at least \(plan.minRespondents) organisations interested in a "
                    + "Horizon Europe consortium.")
        }
        if !plan.withoutHorizon.isEmpty {
            out.append("  No sketch for:")
            for entry in plan.withoutHorizon {
                out.append(
                    "    \(names.challenge(entry.challenge)) (\(entry.challenge)): "
                        + interestPhrase(entry.interested, "a Horizon Europe consortium", plan))
            }
        }
        if plan.national.contains(where: { $0.partners.contains(where: \.illustrative) }) {
            out += [
                "",
                "\(MarkdownReport.illustrativeMarker) = the partner's match rests only on illustrative course offerings.",
            ]
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func heading(_ rank: Int, _ candidate: Bool, _ challenge: String) -> String {
        (candidate ? "★ " : "  ") + "\(rank). \(names.challenge(challenge)) (\(challenge))"
            + (candidate ? " — candidate" : "")
    }

    private func render(_ proposal: NationalProposal, _ plan: ConsortiumPlan) -> [String] {
        var out = [
            heading(proposal.rank, proposal.candidate, proposal.challenge),
            "     Why: " + reason(proposal, plan),
            "     Regions (organisations naming it): "
                + proposal.regions.map { "\(names.region($0.region)) \($0.organisations)" }.joined(separator: ", "),
            "     Skill groups: " + proposal.groups.map { "\(names.group($0)) (\($0))" }.joined(separator: ", "),
            "     Partners (best match first):",
        ]
        out += proposal.partners.map { "       - " + describe($0) }
        if proposal.partners.isEmpty { out.append("       none: no institution teaches or equips these skill groups") }
        if !proposal.neededInfrastructures.isEmpty {
            out.append(
                "     Infrastructures the organisations need: "
                    + proposal.neededInfrastructures.map {
                        "\(names.infrastructure($0.infrastructure)) (\(CatalogNames.count($0.organisations, "organisation")))"
                    }.joined(separator: ", "))
        }
        if !proposal.matchingInfrastructures.isEmpty {
            out.append(
                "     Matching infrastructures: "
                    + proposal.matchingInfrastructures.map(names.infrastructure)
                    .joined(separator: ", "))
        }
        for shortfall in proposal.shortfalls {
            switch shortfall {
            case .partnersInFewerRegions(let have, let need):
                out.append(
                    "     Lacks: partners from \(need) regions — the catalogue's matching institutions come from "
                        + "\(have) project region\(have == 1 ? "" : "s")")
            case .interestNotShown(let interest):
                out.append("     Not a candidate: " + interestPhrase(interest, "a national joint project", plan))
            }
        }
        return out
    }

    private func render(_ sketch: HorizonSketch, _ plan: ConsortiumPlan) -> [String] {
        let regions = Set(sketch.partners.map(\.region)).subtracting([catalog.settings.otherRegion]).count
        var out = [
            heading(sketch.rank, sketch.candidate, sketch.challenge),
            "     Why: \(CatalogNames.count(sketch.interested, "organisation")) of \(sketch.organisations) naming it "
                + "are interested in a Horizon Europe consortium; "
                + "\(sketch.regions.count) regions; national partners from \(regions) regions.",
            "     National core: "
                + (sketch.partners.isEmpty
                    ? "none in the catalogue"
                    : sketch.partners.map { names.institution($0.institution) }.joined(separator: ", ")),
            "     Still lacking for an EU consortium:",
        ]
        out += sketch.lacks.map { "       - " + describe($0) }
        return out
    }

    func reason(_ proposal: NationalProposal, _ plan: ConsortiumPlan) -> String {
        let interest: String
        switch proposal.interested {
        case .count(let count):
            interest =
                "\(count) of the \(proposal.organisations) organisations naming it are interested in a national "
                + "joint project"
        case .none: interest = "\(proposal.organisations) organisations name it, none interested"
        case .suppressed: interest = "\(proposal.organisations) organisations name it (interest count hidden)"
        }
        return interest + "; \(proposal.regions.count) regions; partners from \(proposal.partnerRegions.count) "
            + "project region\(proposal.partnerRegions.count == 1 ? "" : "s")"
            + " (\(proposal.partners.count) partner\(proposal.partners.count == 1 ? "" : "s"))."
    }

    private func interestPhrase(_ interest: InterestCount, _ what: String, _ plan: ConsortiumPlan) -> String {
        switch interest {
        case .count(let count): "\(count) organisations interested in \(what)"
        case .none: "no organisation said it is interested in \(what)"
        case .suppressed:
            "fewer than \(plan.minRespondents) organisations (or a number that would reveal such a group) are "
                + "interested in \(what); the count is hidden"
        }
    }

    private func describe(_ partner: ConsortiumPartner) -> String {
        var notes = [
            CatalogNames.count(partner.skills, "skill") + " of the groups",
            CatalogNames.count(partner.keySkills, "key skill"),
        ]
        if !partner.infrastructures.isEmpty {
            notes.append("infrastructure: " + partner.infrastructures.map(names.infrastructure).joined(separator: ", "))
        }
        if partner.unverified { notes.append("unverified") }
        return "\(names.institution(partner.institution)), \(names.region(partner.region))"
            + (partner.illustrative ? " " + MarkdownReport.illustrativeMarker : "") + " ("
            + notes.joined(separator: "; ")
            + ")"
    }

    func describe(_ lack: EULack) -> String {
        switch lack {
        case .partnersFromOtherCountries(let required):
            "partners from at least \(required) different EU member states or associated countries: the catalogue "
                + "lists institutions of the lead project's own country only, so none from other countries are "
                + "proposed here — find them through the partners' European networks"
        case .coordinator:
            "a coordinator: the partners' decision (the national partners above are candidates)"
        case .callTopic:
            "a Horizon Europe call topic that fits the challenge, and its deadline"
        case .namedCompanies:
            "the interested companies by name: the survey gives only their number; ask them through the "
                + "regional coordinators, who hold their consent to be contacted"
        }
    }
}
