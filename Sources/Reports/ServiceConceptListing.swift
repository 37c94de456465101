import Catalog
import Planner

extension Listing {
    /// `plan services --format csv|json`: one row per template, the proposed concepts by rank, then
    /// those the data do not support. Codes, not names; lists are space-separated `code=count`
    /// (a hidden count is `code=..`).
    package init(services plan: ServicePlan, catalog: Catalog, language: String) {
        let text = ServiceConceptText(catalog: catalog, language: language)
        var rows: [[Value]] = plan.concepts.map { concept in
            let answers = concept.demand.map { demand -> String in
                let code: String
                switch demand.basis {
                case .needs(let group, let region): code = "needs:\(group)@\(region)"
                case .infrastructure(let infrastructure): code = "infrastructure:\(infrastructure)"
                case .challenge(let challenge): code = "challenge:\(challenge)"
                }
                return code + "=" + (demand.organisations.map(String.init) ?? MarkdownReport.suppressedMarker)
            }
            let formats = concept.formats.map {
                "\($0.format)=" + ($0.organisations.map(String.init) ?? MarkdownReport.suppressedMarker)
            }
            let institutions = concept.providers.filter { $0.kind == .institution }
            let infrastructures = concept.providers.filter { $0.kind == .infrastructure }
            func codes(_ providers: [ServiceProvider]) -> String {
                providers.map { "\($0.code)@\($0.region)" }.joined(separator: " ")
            }
            return [
                .integer(concept.rank), .text(concept.template), .text("proposed"), .integer(concept.organisations),
                .integer(concept.people), .integer(concept.regions.count),
                .text(concept.regions.joined(separator: " ")),
                .text(answers.joined(separator: " ")), .text(formats.joined(separator: " ")),
                .text(codes(institutions)),
                .text(codes(infrastructures)), .text(concept.restsOnIllustrativeData ? "yes" : "no"),
                .text(text.reason(concept, k: plan.minRespondents)),
            ]
        }
        rows += plan.unsupported.map { entry in
            [
                .empty, .text(entry.template), .text("not-supported"), .empty, .empty, .empty, .text(""), .text(""),
                .text(""), .text(""), .text(""), .text(""),
                .text(entry.shortfalls.map { text.describe($0, plan) }.joined(separator: "; ")),
            ]
        }
        self.init(
            columns: [
                "rank", "concept", "status", "organisations", "people", "regions", "region_codes", "answers", "formats",
                "institutions", "infrastructures", "illustrative", "reason",
            ],
            rows: rows)
    }
}
