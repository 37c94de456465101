import Catalog
import Planner

extension Listing {
    /// `plan consortia --format csv|json`: one row per national proposal, then one per Horizon
    /// Europe sketch, then one per shared challenge without a sketch. Codes, not names.
    package init(consortia plan: ConsortiumPlan, catalog: Catalog, language: String) {
        let text = ConsortiumText(catalog: catalog, language: language)
        func interest(_ count: InterestCount) -> Value {
            switch count {
            case .count(let value): .integer(value)
            case .none: .integer(0)
            case .suppressed: .suppressed
            }
        }
        func partners(_ list: [ConsortiumPartner]) -> Value {
            .text(list.map { "\($0.institution)@\($0.region)" }.joined(separator: " "))
        }
        var rows: [[Value]] = plan.national.map { proposal in
            let lacks = proposal.shortfalls.map { shortfall -> String in
                switch shortfall {
                case .partnersInFewerRegions(let have, let need): "partner-regions:\(have)/\(need)"
                case .interestNotShown: "interest-below-k"
                }
            }
            return [
                .text("national"), .integer(proposal.rank), .text(proposal.candidate ? "yes" : "no"),
                .text(proposal.challenge), .integer(proposal.regions.count),
                .text(proposal.regions.map { "\($0.region)=\($0.organisations)" }.joined(separator: " ")),
                .integer(proposal.organisations), interest(proposal.interested), partners(proposal.partners),
                .text(proposal.partnerRegions.joined(separator: " ")),
                .text(
                    proposal.neededInfrastructures.map { "\($0.infrastructure)=\($0.organisations)" }
                        .joined(separator: " ")),
                .text(lacks.joined(separator: " ")), .text(text.reason(proposal, plan)),
            ]
        }
        rows += plan.horizon.map { sketch in
            let lacks = sketch.lacks.map { lack -> String in
                switch lack {
                case .partnersFromOtherCountries(let required): "eu-partner-countries:\(required)"
                case .coordinator: "coordinator"
                case .callTopic: "call-topic"
                case .namedCompanies: "named-companies"
                }
            }
            return [
                .text("horizon-europe"), .integer(sketch.rank), .text(sketch.candidate ? "yes" : "no"),
                .text(sketch.challenge), .integer(sketch.regions.count), .text(sketch.regions.joined(separator: " ")),
                .integer(sketch.organisations), .integer(sketch.interested), partners(sketch.partners),
                .text(
                    catalog.regions.map(\.code).filter { code in
                        code != catalog.settings.otherRegion && sketch.partners.contains { $0.region == code }
                    }.joined(separator: " ")),
                .text(""), .text(lacks.joined(separator: " ")),
                .text(sketch.lacks.map(text.describe).joined(separator: "; ")),
            ]
        }
        rows += plan.withoutHorizon.map { entry in
            [
                .text("no-horizon-europe"), .empty, .text("no"), .text(entry.challenge), .empty, .text(""), .empty,
                interest(entry.interested), .text(""), .text(""), .text(""), .text("interest-below-k"),
                .text("fewer than \(plan.minRespondents) organisations interested in a Horizon Europe consortium"),
            ]
        }
        self.init(
            columns: [
                "kind", "rank", "candidate", "challenge", "regions", "region_organisations", "organisations",
                "interested", "partners", "partner_regions", "infrastructures_needed", "lacks", "reason",
            ],
            rows: rows)
    }
}
